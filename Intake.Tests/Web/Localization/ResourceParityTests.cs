using Intake.Web.Localization;
using Intake.Web.Templates;

namespace Intake.Tests.Web.Localization;

/// <summary>
/// Every supported language says everything the default language says: the same resource keys with the same
/// placeholders, the same templates with no placeholder of their own, and a version of every per-language prose view.
/// </summary>
public sealed class ResourceParityTests
{
    private static readonly IReadOnlyDictionary<string, string> _default = ResourceFiles.Read(Languages.Default);

    [Theory]
    [MemberData(nameof(ResourceFiles.OtherLanguages), MemberType = typeof(ResourceFiles))]
    public void Language_HasEveryKeyOfTheDefaultLanguage_AndNoOther(string code)
    {
        var other = ResourceFiles.Read(Languages.Find(code)!);

        var missing = _default.Keys.Where(k => !other.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        var extra = other.Keys.Where(k => !_default.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, $"{code} lacks: {string.Join(", ", missing)}");
        Assert.True(extra.Count == 0, $"{code} has keys the default language lacks: {string.Join(", ", extra)}");
    }

    [Theory]
    [MemberData(nameof(ResourceFiles.OtherLanguages), MemberType = typeof(ResourceFiles))]
    public void Language_UsesTheSamePlaceholders_AndNoEmptyText(string code)
    {
        var other = ResourceFiles.Read(Languages.Find(code)!);

        var wrong = other.Where(e => _default.TryGetValue(e.Key, out var value)
                && !ResourceFiles.Placeholders(value).SequenceEqual(ResourceFiles.Placeholders(e.Value)))
            .Select(e => e.Key).ToList();
        var empty = other.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => e.Key).ToList();

        Assert.True(wrong.Count == 0, $"{code} has other placeholders than the default language in: {string.Join(", ", wrong)}");
        Assert.True(empty.Count == 0, $"{code} has empty texts: {string.Join(", ", empty)}");
    }

    [Theory]
    [MemberData(nameof(ResourceFiles.OtherLanguages), MemberType = typeof(ResourceFiles))]
    public void Language_HasEveryTemplate_WithOnlyTheDefaultLanguagesPlaceholders(string code)
    {
        var language = Languages.Find(code)!;

        Assert.Equal(TextTemplates.Names, TextTemplates.NamesIn(language));
        foreach (var name in TextTemplates.Names)
        {
            var allowed = TextTemplates.Placeholders(TextTemplates.Raw(name, Languages.Default)!);
            var used = TextTemplates.Placeholders(TextTemplates.Raw(name, language)!);
            Assert.True(used.All(allowed.Contains), $"{name}.{code} uses a placeholder the default language's template does not.");
        }
    }

    [Theory]
    [MemberData(nameof(ResourceFiles.OtherLanguages), MemberType = typeof(ResourceFiles))]
    public void Language_HasEveryProseView(string code)
    {
        var suffix = $".{Languages.Default.Code}.cshtml";
        var views = Directory.EnumerateFiles(Path.Combine(ResourceFiles.WebRoot, "Pages"), "*" + suffix, SearchOption.AllDirectories).ToList();

        Assert.NotEmpty(views);
        foreach (var view in views)
        {
            var translated = view[..^suffix.Length] + $".{code}.cshtml";
            Assert.True(File.Exists(translated), $"{Path.GetFileName(translated)} is missing.");
        }
    }
}
