using System.Text.RegularExpressions;
using System.Xml.Linq;
using Intake.Tests.Infrastructure;
using Intake.Web.Localization;

namespace Intake.Tests.Web.Localization;

/// <summary>The shared resource files of the source tree, read as the translators edit them.</summary>
internal static partial class ResourceFiles
{
    public static string WebRoot { get; } = Path.Combine(RepositoryRoot.Path, "Intake.Web");

    public static IReadOnlyDictionary<string, string> Read(Language language)
    {
        var path = Path.Combine(WebRoot, "Resources", $"SharedResource.{language.Code}.resx");
        Assert.True(File.Exists(path), $"{path} is missing: every supported language has a resource file.");
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var data in XDocument.Load(path).Root!.Elements("data"))
        {
            var name = data.Attribute("name")!.Value;
            Assert.False(entries.ContainsKey(name), $"{language.Code}: {name} is defined twice.");
            entries[name] = data.Element("value")?.Value ?? string.Empty;
        }

        return entries;
    }

    /// <summary>The format placeholders of a resource value (<c>{0}</c>, <c>{1:N0}</c>), as a sorted set.</summary>
    public static IReadOnlyList<string> Placeholders(string value) =>
        FormatItem().Matches(value).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal).ToList();

    public static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(WebRoot, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}PostgresMigrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    public static TheoryData<string> OtherLanguages()
    {
        var data = new TheoryData<string>();
        foreach (var language in Languages.Supported.Where(l => !Languages.IsDefault(l)))
        {
            data.Add(language.Code);
        }

        return data;
    }

    [GeneratedRegex(@"(?<!\{)\{(\d+(?::[^}]*)?)\}")]
    private static partial Regex FormatItem();
}
