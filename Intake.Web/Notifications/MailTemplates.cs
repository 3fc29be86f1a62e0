using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;
using SiteLanguages = Intake.Web.Localization.Languages;

namespace Intake.Web.Notifications;

/// <summary>One template: a subject line and a body, both with named placeholders such as <c>{Channel}</c>.</summary>
public sealed record MailTemplate(string Subject, string Body);

/// <summary>
/// The mail templates, embedded from <c>Notifications/Templates/{name}.{language}.txt</c>. A file starts with
/// <c>Subject: …</c>, then an empty line, then the body. Mails are written in every supported language
/// (<see cref="SiteLanguages"/>): adding a language is adding its files, and a test fails until every template
/// exists in it with the same placeholders. A missing template falls back to the default language.
/// </summary>
public sealed partial class MailTemplates
{
    public static string DefaultLanguage => SiteLanguages.Default.Code;
    public const string Frame = "_mail";
    public const string FrameSeveral = "_mail-several";
    public const string DigestEmpty = "digest-empty";
    private const string Prefix = "Intake.Web.Notifications.Templates.";

    private readonly FrozenDictionary<string, MailTemplate> _templates;

    public MailTemplates()
    {
        var assembly = typeof(MailTemplates).Assembly;
        var templates = new Dictionary<string, MailTemplate>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".txt", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            templates[resource[Prefix.Length..^".txt".Length]] = Parse(resource, reader.ReadToEnd());
        }

        _templates = templates.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The languages mails can be written in (two-letter codes): the supported languages, in their order.</summary>
    public IReadOnlyList<string> Languages { get; } = [.. SiteLanguages.Supported.Select(l => l.Code)];

    /// <summary>The names of the templates (<c>report.new</c>, <c>_mail</c>, …), each once.</summary>
    public IReadOnlyList<string> TemplateNames => [.. _templates.Keys.Select(k => k[..k.LastIndexOf('.')]).Distinct().Order(StringComparer.Ordinal)];

    public IEnumerable<string> Names => _templates.Keys;

    public bool Has(string name, string language) => _templates.ContainsKey(name + "." + language);

    /// <summary>The template exactly in the language, or null: for the tests that every language has every template.</summary>
    public MailTemplate? Find(string name, string language) => _templates.GetValueOrDefault(name + "." + language);

    /// <summary>The template in the language, or in the default language when the language has none.</summary>
    public MailTemplate Get(string name, string language) =>
        _templates.GetValueOrDefault(name + "." + language)
        ?? _templates.GetValueOrDefault(name + "." + DefaultLanguage)
        ?? throw new InvalidOperationException($"No mail template '{name}'.");

    /// <summary>Fills the named placeholders; a placeholder without a value is an error, never sent as is.</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(values);
        return Placeholder().Replace(text, match => values.TryGetValue(match.Groups[1].Value, out var value)
            ? value
            : throw new InvalidOperationException($"The mail template has no value for '{{{match.Groups[1].Value}}}'."));
    }

    /// <summary>The names of the placeholders a text uses (<c>Channel</c>, <c>Days</c>, …).</summary>
    public static IReadOnlySet<string> Placeholders(string text) =>
        Placeholder().Matches(text ?? string.Empty).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    private static MailTemplate Parse(string resource, string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        const string subjectPrefix = "Subject: ";
        var end = text.IndexOf("\n\n", StringComparison.Ordinal);
        if (!text.StartsWith(subjectPrefix, StringComparison.Ordinal) || end < 0)
        {
            throw new InvalidOperationException($"The mail template {resource} must start with 'Subject: …' and an empty line.");
        }

        return new MailTemplate(text[subjectPrefix.Length..end].Trim(), text[(end + 2)..].TrimEnd() + "\n");
    }

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
