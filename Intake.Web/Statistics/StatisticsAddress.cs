using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Intake.Web.Statistics;

/// <summary>The query of the statistics pages: reading the grain, writing links and answering with CSV.</summary>
public static class StatisticsAddress
{
    /// <summary>month, quarter or year (any case); the month and a problem for anything else.</summary>
    public static Grain ParseGrain(string? text, out IReadOnlyList<string> problems)
    {
        problems = [];
        if (string.IsNullOrEmpty(text))
        {
            return Grain.Month;
        }

        foreach (var grain in Enum.GetValues<Grain>())
        {
            if (string.Equals(text, grain.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return grain;
            }
        }

        problems = ["Statistics.Error.Grain"];
        return Grain.Month;
    }

    public static RouteValueDictionary Values(StatisticsReport report, string? grain, string? format, string? table)
    {
        ArgumentNullException.ThrowIfNull(report);
        var values = new RouteValueDictionary();
        if (report.Channel is { } channel)
        {
            values["channel"] = channel.Code;
        }

        if (report.Range is { } range)
        {
            values["grain"] = grain ?? range.Grain.ToString().ToLowerInvariant();
            if (grain is null)
            {
                values["from"] = range.From.Label;
                values["to"] = range.To.Label;
            }
        }

        if (format is not null)
        {
            values["format"] = format;
        }

        if (table is not null)
        {
            values["table"] = table;
        }

        return values;
    }

    /// <summary>The report's tables (or the one named) as a CSV download; 404 for a table the page does not have.</summary>
    public static IActionResult Csv(StatisticsReport report, string? table, string fileName)
    {
        ArgumentNullException.ThrowIfNull(report);
        var tables = table is null ? report.Tables : report.Tables.Where(t => string.Equals(t.Id, table, StringComparison.Ordinal)).ToList();
        if (tables.Count == 0)
        {
            return new NotFoundResult();
        }

        return new FileContentResult(StatisticsCsv.Write(tables), "text/csv; charset=utf-8") { FileDownloadName = SafeName(fileName) };
    }

    private static string SafeName(string name)
    {
        var safe = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '-');
        }

        return safe.ToString();
    }
}
