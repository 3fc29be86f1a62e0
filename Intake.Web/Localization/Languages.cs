using System.Globalization;

namespace Intake.Web.Localization;

/// <summary>
/// The two languages. Swedish is the default and lives at the root; English lives under the <c>/en</c> path
/// prefix. The language travels in the URL, so switching needs neither JavaScript nor a cookie, and every link
/// the app generates keeps it (the prefix becomes the request's path base).
/// </summary>
public static class Languages
{
    public const string EnglishPrefix = "/en";

    public static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static IReadOnlyList<CultureInfo> Supported { get; } = [Swedish, English];

    public static bool IsEnglish(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return string.Equals(culture.TwoLetterISOLanguageName, "en", StringComparison.Ordinal);
    }
}
