using System.Text;

namespace Intake.Web.Cases;

/// <summary>
/// A reporter's original file name made safe to offer as a download name: no path, no control or reserved
/// characters, no leading dots, at most 120 characters with the extension kept.
/// </summary>
public static class SafeFileName
{
    public const string Fallback = "attachment";
    private const int MaxLength = 120;
    private static readonly char[] _reserved = ['/', '\\', ':', '*', '?', '"', '<', '>', '|', ';'];

    public static string From(string? name)
    {
        var builder = new StringBuilder();
        foreach (var c in name ?? string.Empty)
        {
            builder.Append(char.IsControl(c) || _reserved.Contains(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format ? '_' : c);
        }

        var clean = builder.ToString().Trim().TrimStart('.').Trim();
        if (clean.Length == 0 || clean.All(c => c == '_'))
        {
            return Fallback;
        }

        if (clean.Length > MaxLength)
        {
            var extension = Path.GetExtension(clean);
            extension = extension.Length is > 0 and <= 16 ? extension : string.Empty;
            clean = clean[..(MaxLength - extension.Length)] + extension;
        }

        return clean;
    }
}
