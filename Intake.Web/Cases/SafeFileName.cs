using System.Globalization;
using System.Text;

namespace Intake.Web.Cases;

/// <summary>
/// File names as Intake keeps and offers them. A name can be made to lie about itself: a right-to-left override
/// (U+202E) turns <c>invoice&#x202E;fdp.exe</c> into what reads as <c>invoiceexe.pdf</c>. So at ingestion
/// (<see cref="Strip"/>, also what the browser scripts do before sealing) every control, format (bidi overrides,
/// isolates and marks, zero-width characters), line- and paragraph-separator character is removed; and every
/// name shown or offered as a download goes through <see cref="From"/>, which also catches names sealed by other
/// means: no path, no such characters or reserved characters, no leading dots, at most 120 characters with the
/// extension kept.
/// </summary>
public static class SafeFileName
{
    public const string Fallback = "attachment";
    private const int MaxLength = 120;
    private const int MaxIngestedLength = 200;
    private static readonly char[] _reserved = ['/', '\\', ':', '*', '?', '"', '<', '>', '|', ';'];

    /// <summary>True for a character that changes how a name reads without being seen.</summary>
    public static bool IsInvisible(Rune rune) => Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
        or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned;

    /// <summary>The name as it is stored at ingestion: no path, no invisible characters, trimmed, at most 200 characters.</summary>
    public static string Strip(string? raw)
    {
        var name = Path.GetFileName((raw ?? string.Empty).Replace('\\', '/'));
        var builder = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            if (!IsInvisible(rune) && rune != Rune.ReplacementChar)
            {
                builder.Append(rune.ToString());
            }
        }

        var clean = builder.ToString().Trim();
        return clean.Length > MaxIngestedLength ? Truncate(clean, MaxIngestedLength) : clean;
    }

    /// <summary>The name as it is shown and offered for download.</summary>
    public static string From(string? name)
    {
        var builder = new StringBuilder();
        foreach (var rune in (name ?? string.Empty).EnumerateRunes())
        {
            builder.Append(IsInvisible(rune) || rune == Rune.ReplacementChar || (rune.IsBmp && _reserved.Contains((char)rune.Value)) ? "_" : rune.ToString());
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
            clean = Truncate(clean, MaxLength - extension.Length) + extension;
        }

        return clean;
    }

    /// <summary>At most <paramref name="length"/> UTF-16 units, never splitting a surrogate pair.</summary>
    private static string Truncate(string text, int length) =>
        char.IsHighSurrogate(text[length - 1]) ? text[..(length - 1)] : text[..length];
}
