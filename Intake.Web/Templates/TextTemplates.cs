using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Intake.Web.Localization;

namespace Intake.Web.Templates;

/// <summary>
/// Long texts written per language as files beside this class (<c>reply-feedback.fi.txt</c>), embedded in the
/// assembly, with named placeholders (<c>{number}</c>) filled in at use. A new language is new files; a template
/// missing in a language falls back to the default language's. A placeholder the caller does not supply is a
/// programming error and throws, so a typo cannot send "{numbr}" to a reporter; a translation may leave a value out.
/// </summary>
public static partial class TextTemplates
{
    private const string Prefix = "Intake.Web.Templates.";
    private static readonly ConcurrentDictionary<string, string?> _cache = new(StringComparer.Ordinal);

    /// <summary>The template's names (without language and extension) that exist in the default language.</summary>
    public static IReadOnlyList<string> Names { get; } = NamesIn(Languages.Default);

    public static IReadOnlyList<string> NamesIn(Language language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var suffix = "." + language.Code + ".txt";
        return typeof(TextTemplates).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(suffix, StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..^suffix.Length]).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The raw template in a language, or null when that language has none.</summary>
    public static string? Raw(string name, Language language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return _cache.GetOrAdd(name + "." + language.Code, static key =>
        {
            using var stream = typeof(TextTemplates).Assembly.GetManifestResourceStream(Prefix + key + ".txt");
            if (stream is null)
            {
                return null;
            }

            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd().ReplaceLineEndings("\n");
        });
    }

    /// <summary>The placeholders a template uses, in order of first use.</summary>
    public static IReadOnlyList<string> Placeholders(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return Placeholder().Matches(template).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The template in the language (or the default language) with every placeholder filled in.</summary>
    public static string Render(string name, Language language, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var template = Raw(name, language) ?? Raw(name, Languages.Default)
            ?? throw new ArgumentException($"No template named {name}.", nameof(name));
        var used = Placeholders(template);
        var missing = used.Where(p => !values.ContainsKey(p)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Template {name} needs {string.Join(", ", missing)}."), nameof(values));
        }

        return Placeholder().Replace(template, m => values[m.Groups[1].Value]);
    }

    [GeneratedRegex(@"\{([a-zA-Z][a-zA-Z0-9]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
