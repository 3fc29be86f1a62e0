using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Intake.Web.Statistics;

/// <summary>
/// Draws a table as an inline SVG chart on the server: no script, no font or file from anywhere, colours by
/// presentation attributes (the content security policy allows no inline style). The palette is Okabe and Ito's,
/// which stays distinct under the common colour-vision deficiencies; hidden and unpublished figures are drawn as
/// their marks, never as a bar. The chart is an image with a title; the same numbers are in the table beside it.
/// </summary>
public static class SvgChart
{
    public static IReadOnlyList<string> Palette { get; } = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

    private const int Width = 720;

    public static string Render(StatisticsTable table, string title, string description)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.Chart switch
        {
            ChartKind.Columns => Columns(table, title, description),
            ChartKind.Bars => Bars(table, title, description),
            _ => string.Empty,
        };
    }

    private static string Columns(StatisticsTable table, string title, string description)
    {
        const int left = 56, right = 8, top = 16, bottom = 48, plotHeight = 200;
        var series = table.Rows.Take(Palette.Count).ToList();
        var legendHeight = series.Count > 1 ? 24 * series.Count : 0;
        var height = top + plotHeight + bottom + legendHeight;
        var plotWidth = Width - left - right;
        var max = NiceMax(series.SelectMany(r => r.Cells).Max(c => c.Value) ?? 0);
        var svg = Open(table.Id, title, description, height);
        for (var tick = 0; tick <= 4; tick++)
        {
            var value = max * tick / 4;
            var y = top + plotHeight - (plotHeight * tick / 4.0);
            svg.Append(Invariant($"<line x1=\"{left}\" y1=\"{y:0.#}\" x2=\"{Width - right}\" y2=\"{y:0.#}\" stroke=\"#c8c8c8\" stroke-width=\"1\"/>"));
            svg.Append(Invariant($"<text x=\"{left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" font-size=\"12\" fill=\"#222\">{value:0.##}</text>"));
        }

        var groups = table.Columns.Count;
        var groupWidth = plotWidth / (double)Math.Max(groups, 1);
        var barWidth = Math.Max(1, (groupWidth * 0.8) / series.Count);
        var labelEvery = Math.Max(1, (int)Math.Ceiling(groups / 12.0));
        for (var column = 0; column < groups; column++)
        {
            var x0 = left + (column * groupWidth) + (groupWidth * 0.1);
            for (var s = 0; s < series.Count; s++)
            {
                var cell = series[s].Cells[column];
                var x = x0 + (s * barWidth);
                if (cell.Value is { } v && max > 0)
                {
                    var h = plotHeight * v / max;
                    svg.Append(Invariant($"<rect x=\"{x:0.#}\" y=\"{top + plotHeight - h:0.#}\" width=\"{barWidth:0.#}\" height=\"{h:0.#}\" fill=\"{Palette[s]}\"/>"));
                }
                else if (cell.Value is null)
                {
                    svg.Append(Invariant($"<text x=\"{x + (barWidth / 2):0.#}\" y=\"{top + plotHeight - 4}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#222\">{Encode(cell.Text)}</text>"));
                }
            }

            if (column % labelEvery == 0)
            {
                svg.Append(Invariant($"<text x=\"{x0 + (groupWidth * 0.4):0.#}\" y=\"{top + plotHeight + 18}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#222\">{Encode(table.Columns[column])}</text>"));
            }
        }

        svg.Append(Invariant($"<line x1=\"{left}\" y1=\"{top + plotHeight}\" x2=\"{Width - right}\" y2=\"{top + plotHeight}\" stroke=\"#222\" stroke-width=\"1\"/>"));
        if (series.Count > 1)
        {
            for (var s = 0; s < series.Count; s++)
            {
                var y = top + plotHeight + bottom + (24 * s);
                svg.Append(Invariant($"<rect x=\"{left}\" y=\"{y}\" width=\"14\" height=\"14\" fill=\"{Palette[s]}\"/>"));
                svg.Append(Invariant($"<text x=\"{left + 20}\" y=\"{y + 12}\" font-size=\"12\" fill=\"#222\">{Encode(series[s].Label)}</text>"));
            }
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Bars(StatisticsTable table, string title, string description)
    {
        const int labelWidth = 300, top = 8, rowHeight = 24, valueWidth = 48;
        if (table.LastShownColumn() is not { } column)
        {
            return string.Empty;
        }

        var height = top + (rowHeight * table.Rows.Count) + 8;
        var plotWidth = Width - labelWidth - valueWidth;
        var max = NiceMax(table.Rows.Max(r => r.Cells[column].Value) ?? 0);
        var svg = Open(table.Id, title, description, height);
        for (var row = 0; row < table.Rows.Count; row++)
        {
            var cell = table.Rows[row].Cells[column];
            var y = top + (row * rowHeight);
            svg.Append(Invariant($"<text x=\"{labelWidth - 8}\" y=\"{y + 16}\" text-anchor=\"end\" font-size=\"12\" fill=\"#222\">{Encode(Shorten(table.Rows[row].Label))}</text>"));
            var w = cell.Value is { } v && max > 0 ? plotWidth * v / max : 0;
            if (w > 0)
            {
                svg.Append(Invariant($"<rect x=\"{labelWidth}\" y=\"{y + 4}\" width=\"{w:0.#}\" height=\"{rowHeight - 8}\" fill=\"{Palette[0]}\"/>"));
            }

            svg.Append(Invariant($"<text x=\"{labelWidth + w + 6:0.#}\" y=\"{y + 16}\" font-size=\"12\" fill=\"#222\">{Encode(cell.Text)}</text>"));
        }

        svg.Append(Invariant($"<line x1=\"{labelWidth}\" y1=\"{top}\" x2=\"{labelWidth}\" y2=\"{height - 8}\" stroke=\"#222\" stroke-width=\"1\"/>"));
        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(string id, string title, string description, int height) =>
        new StringBuilder()
            .Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 {Width} {height}\" "))
            .Append(Invariant($"aria-labelledby=\"chart-{Encode(id)}-title chart-{Encode(id)}-desc\" font-family=\"sans-serif\">"))
            .Append(Invariant($"<title id=\"chart-{Encode(id)}-title\">{Encode(title)}</title><desc id=\"chart-{Encode(id)}-desc\">{Encode(description)}</desc>"));

    /// <summary>1, 2 or 5 times a power of ten at or above the largest value, so that the grid lines fall on round numbers.</summary>
    private static double NiceMax(double max)
    {
        if (max <= 0)
        {
            return 4;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var step in new[] { 1.0, 2.0, 4.0, 5.0, 10.0 })
        {
            if (step * magnitude >= max)
            {
                return step * magnitude;
            }
        }

        return 10 * magnitude;
    }

    private static string Shorten(string label) => label.Length <= 44 ? label : label[..43] + "…";

    private static string Encode(string value) => HtmlEncoder.Default.Encode(value);

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
