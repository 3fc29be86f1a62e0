using System.Globalization;

namespace Intake.Web.Localization;

/// <summary>One supported language: its culture, the URL prefix it lives under, and its name in itself.</summary>
/// <param name="Code">The two-letter code: the resource files' suffix (<c>SharedResource.fi.resx</c>), the prose
/// views' suffix (<c>_Landing.fi.cshtml</c>) and, for every language but the default, the URL prefix (<c>/fi/</c>).</param>
/// <param name="Culture">The culture that formats dates and numbers.</param>
/// <param name="NativeName">The language's name in itself, for the language switcher.</param>
public sealed record Language(string Code, CultureInfo Culture, string NativeName)
{
    /// <summary>The path prefix, <c>/en</c>; empty for the default language, which lives at the root.</summary>
    public string Prefix => Languages.IsDefault(this) ? string.Empty : "/" + Code;
}

/// <summary>
/// The supported languages, in the order the switcher lists them. The first is the default and lives at the root;
/// every other lives under its code as a path prefix. The language travels in the URL, so switching needs neither
/// JavaScript nor a cookie, and every link the app generates keeps it (the prefix becomes the request's path base).
/// Adding a language is: its resource file, its prose views and one line here.
/// </summary>
public static class Languages
{
    public static IReadOnlyList<Language> Supported { get; } =
    [
        new("sv", CultureInfo.GetCultureInfo("sv-SE"), "Svenska"),
        new("en", CultureInfo.GetCultureInfo("en-GB"), "English"),
        new("fi", CultureInfo.GetCultureInfo("fi-FI"), "Suomi"),
    ];

    public static Language Default => Supported[0];

    public static bool IsDefault(Language language) => ReferenceEquals(language, Supported[0]);

    /// <summary>The supported language of a culture (its two-letter code), or the default.</summary>
    public static Language Of(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return Find(culture.TwoLetterISOLanguageName) ?? Default;
    }

    /// <summary>The language of the current request.</summary>
    public static Language Current => Of(CultureInfo.CurrentUICulture);

    public static Language? Find(string? code) =>
        Supported.FirstOrDefault(l => string.Equals(l.Code, code, StringComparison.OrdinalIgnoreCase));
}
