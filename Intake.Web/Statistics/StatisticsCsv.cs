using System.Text;

namespace Intake.Web.Statistics;

/// <summary>
/// The tables of a page as CSV (RFC 4180, UTF-8 with a byte order mark so that spreadsheet programs read å, ä and
/// ö): each table is its title on a line of its own, the header row and the rows exactly as the page shows them,
/// then an empty line. A cell that a spreadsheet would take for a formula (starting with =, +, -, @, tab or
/// carriage return) is prefixed with an apostrophe.
/// </summary>
public static class StatisticsCsv
{
    public static byte[] Write(IEnumerable<StatisticsTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var csv = new StringBuilder();
        foreach (var table in tables)
        {
            Line(csv, [table.Title]);
            Line(csv, [table.RowHeader, .. table.Columns]);
            foreach (var row in table.Rows)
            {
                Line(csv, [row.Label, .. row.Cells.Select(c => c.Text)]);
            }

            csv.Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static void Line(StringBuilder csv, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            csv.Append(Field(fields[i]));
        }

        csv.Append("\r\n");
    }

    public static string Field(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
