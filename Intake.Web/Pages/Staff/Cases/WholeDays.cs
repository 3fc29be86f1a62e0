using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;

namespace Intake.Web.Pages.Staff.Cases;

/// <summary>
/// A sentence with its dates (2026-12-09) and case numbers (VB-2026-0004) kept on one line: a browser would
/// otherwise break them at a hyphen on a narrow screen. The text reads the same; only the wrapping changes.
/// </summary>
public static partial class WholeDays
{
    public static IHtmlContent Keep(string? text)
    {
        var builder = new HtmlContentBuilder();
        if (string.IsNullOrEmpty(text))
        {
            return builder;
        }

        var at = 0;
        foreach (Match match in Unbroken().Matches(text))
        {
            builder.Append(text[at..match.Index]);
            builder.AppendHtml("<span class=\"nowrap\">" + HtmlEncoder.Default.Encode(match.Value) + "</span>");
            at = match.Index + match.Length;
        }

        builder.Append(text[at..]);
        return builder;
    }

    [GeneratedRegex(@"\b(?:[A-Z]{2,4}-)?\d{4}-\d{2,4}(?:-\d{2})?\b", RegexOptions.CultureInvariant)]
    private static partial Regex Unbroken();
}
