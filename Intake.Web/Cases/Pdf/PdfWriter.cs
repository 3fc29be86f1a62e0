using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Intake.Web.Cases.Pdf;

/// <summary>
/// Flowing text on A4 pages: wraps words to the width, breaks a word longer than a line, starts a new page at
/// the bottom margin, and numbers the pages at the end. Everything stays in memory.
/// </summary>
internal sealed class PdfWriter : IDisposable
{
    private const double Margin = 56;
    private const double FooterSpace = 28;

    private readonly PdfDocument _document;
    private readonly XFont _body = new(CasePdfFonts.Family, 10);
    private readonly XFont _small = new(CasePdfFonts.Family, 8);
    private readonly XFont _heading = new(CasePdfFonts.Family, 13, XFontStyleEx.Bold);
    private readonly XFont _title = new(CasePdfFonts.Family, 18, XFontStyleEx.Bold);
    private readonly XFont _label = new(CasePdfFonts.Family, 10, XFontStyleEx.Bold);
    private XGraphics? _graphics;
    private double _y;

    public PdfWriter(PdfDocument document)
    {
        _document = document;
        NewPage();
    }

    private double Width => _document.Pages[^1].Width.Point - 2 * Margin;

    private double Bottom => _document.Pages[^1].Height.Point - Margin - FooterSpace;

    public void Title(string text) => Block(text, _title, 0, 8);

    public void Heading(string text)
    {
        Space(10);
        if (_y + 3 * _heading.GetHeight() > Bottom)
        {
            NewPage();
        }

        Block(text, _heading, 0, 4);
    }

    public void Paragraph(string text, double indent = 0) => Block(text, _body, indent, 4);

    public void Small(string text, double indent = 0) => Block(text, _small, indent, 2);

    /// <summary>A label in bold and its value below it, indented.</summary>
    public void Fact(string label, string value)
    {
        Block(label, _label, 0, 0);
        Block(value, _body, 14, 3);
    }

    public void Space(double points) => _y += points;

    /// <summary>Writes "{prefix} {n}/{count}" and the footer text at the bottom of every page.</summary>
    public void NumberPages(string footer, string pagePrefix)
    {
        _graphics?.Dispose();
        _graphics = null;
        var count = _document.PageCount;
        for (var i = 0; i < count; i++)
        {
            var page = _document.Pages[i];
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var y = page.Height.Point - Margin;
            graphics.DrawString(footer, _small, XBrushes.Black, new XPoint(Margin, y));
            var number = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{pagePrefix} {i + 1}/{count}");
            var width = graphics.MeasureString(number, _small).Width;
            graphics.DrawString(number, _small, XBrushes.Black, new XPoint(page.Width.Point - Margin - width, y));
        }
    }

    public void Dispose() => _graphics?.Dispose();

    private void NewPage()
    {
        _graphics?.Dispose();
        var page = _document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        _graphics = XGraphics.FromPdfPage(page);
        _y = Margin;
    }

    private void Block(string text, XFont font, double indent, double after)
    {
        var lineHeight = font.GetHeight() * 1.15;
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            foreach (var line in Wrap(paragraph, font, Width - indent))
            {
                if (_y + lineHeight > Bottom)
                {
                    NewPage();
                }

                _graphics!.DrawString(line, font, XBrushes.Black, new XRect(Margin + indent, _y, Width - indent, lineHeight), XStringFormats.TopLeft);
                _y += lineHeight;
            }
        }

        _y += after;
    }

    private List<string> Wrap(string paragraph, XFont font, double width)
    {
        var lines = new List<string>();
        var current = string.Empty;
        foreach (var word in paragraph.Split(' '))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (Measure(candidate, font) <= width)
            {
                current = candidate;
                continue;
            }

            if (current.Length > 0)
            {
                lines.Add(current);
            }

            current = word;
            while (current.Length > 1 && Measure(current, font) > width)
            {
                var cut = LongestFitting(current, font, width);
                lines.Add(current[..cut]);
                current = current[cut..];
            }
        }

        lines.Add(current);
        return lines;
    }

    /// <summary>How many leading characters of a word too long for a line fit on one (at least one): a binary search.</summary>
    private int LongestFitting(string word, XFont font, double width)
    {
        int low = 1, high = word.Length - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (Measure(word[..middle], font) <= width)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }

    private double Measure(string text, XFont font) => _graphics!.MeasureString(text, font).Width;
}
