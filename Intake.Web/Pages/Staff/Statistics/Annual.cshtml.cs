using Intake.Web.Statistics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Intake.Web.Pages.Staff.Statistics;

/// <summary>
/// The annual report for a committee: one channel's year by month and by quarter, every dimension, shares and
/// medians, and five years with election years against the others; made to be printed. <c>format=csv</c> exports it.
/// </summary>
public sealed class AnnualModel(StatisticsReports reports) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "channel")]
    public string? Channel { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public string? YearText { get; set; }

    [BindProperty(SupportsGet = true, Name = "format")]
    public string? Format { get; set; }

    [BindProperty(SupportsGet = true, Name = "table")]
    public string? Table { get; set; }

    public StatisticsReport Report { get; private set; } = null!;

    public int Year { get; private set; }

    public bool YearProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        int? year = int.TryParse(YearText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        (Report, Year) = await reports.BuildAnnualAsync(HttpContext, Channel, year, HttpContext.RequestAborted);
        YearProblem = !string.IsNullOrEmpty(YearText) && year != Year;
        if (string.Equals(Format, "csv", StringComparison.Ordinal))
        {
            return StatisticsAddress.Csv(Report, Table, $"annual-report-{Report.Channel?.Code}-{Year}.csv");
        }

        return Page();
    }

    public string? Link(string? format = null, string? table = null) =>
        Url.Page("/Staff/Statistics/Annual", new { channel = Report.Channel?.Code, year = Year, format, table });
}
