using System.Text;
using AngleSharp.Dom;

namespace Intake.Tests.Infrastructure;

/// <summary>A statistics table as a reader sees it: the title, the header row and each row's cells as text.</summary>
public sealed record PublishedTable(string Id, string Title, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>Every cell as (row label, column label, text), the way an attacker collects them.</summary>
    public IEnumerable<(string Row, string Column, string Text)> Cells =>
        Rows.SelectMany(r => r.Skip(1).Select((text, i) => (r[0], Header[i + 1], text)));
}

/// <summary>Reads the statistics pages and their CSV files the way a person or a script would.</summary>
public static class StatisticsPage
{
    public const string Hidden = "–";
    public const string NotYet = "…";

    public static async Task<IReadOnlyList<PublishedTable>> TablesAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var page = await Html.ParseAsync(response);
        return Tables(page);
    }

    public static IReadOnlyList<PublishedTable> Tables(IDocument page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.QuerySelectorAll("table.stat-table").Select(table => new PublishedTable(
            table.Id!["table-".Length..],
            VisibleText(table.Closest("section")!.QuerySelector("h2")!),
            [.. table.QuerySelectorAll("thead th").Select(VisibleText)],
            [.. table.QuerySelectorAll("tbody tr").Select(tr => (IReadOnlyList<string>)[.. tr.Children.Select(VisibleText)])])).ToList();
    }

    /// <summary>The text a sighted reader sees: without the words kept for screen readers only.</summary>
    public static string VisibleText(IElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        var copy = (IElement)element.Clone();
        foreach (var hidden in copy.QuerySelectorAll(".visually-hidden").ToList())
        {
            hidden.Remove();
        }

        return copy.TextContent.Trim();
    }

    /// <summary>Parses the CSV export (RFC 4180): blocks of title, header and rows separated by empty lines.</summary>
    public static IReadOnlyList<PublishedTable> ParseCsv(byte[] csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var text = Encoding.UTF8.GetString(csv).TrimStart('\uFEFF');
        var tables = new List<PublishedTable>();
        var block = new List<IReadOnlyList<string>>();
        foreach (var record in Records(text))
        {
            if (record.Count == 1 && record[0].Length == 0)
            {
                if (block.Count > 0)
                {
                    tables.Add(new PublishedTable(string.Empty, block[0][0], block[1], block.Skip(2).ToList()));
                    block = [];
                }

                continue;
            }

            block.Add(record);
        }

        return tables;
    }

    private static IEnumerable<IReadOnlyList<string>> Records(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                yield return fields;
                fields = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }
    }
}
