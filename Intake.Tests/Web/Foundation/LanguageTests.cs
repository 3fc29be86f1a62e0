using System.Net;
using System.Xml.Linq;
using Intake.Tests.Infrastructure;

namespace Intake.Tests.Web.Foundation;

public sealed class LanguageTests(IntakeApplicationFactory app) : IClassFixture<IntakeApplicationFactory>
{
    [Fact]
    public async Task EnglishPrefix_ServesEnglishWithoutCookie()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/en/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        var document = await Html.ParseAsync(response);
        Assert.Equal("en", document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Report wrongdoing", document.QuerySelector("h1")?.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/", "/en/")]
    [InlineData("/en/", "/")]
    [InlineData("/en", "/")]
    public async Task LanguageSwitch_LinksToSamePageInOtherLanguage(string path, string expected)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        var document = await Html.ParseAsync(response);
        var link = document.QuerySelector(".language-switch a");
        Assert.Equal(expected, link?.GetAttribute("href"));
    }

    [Fact]
    public async Task EnglishPages_GenerateLinksThatStayEnglish()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/en/", UriKind.Relative));

        var document = await Html.ParseAsync(response);
        Assert.Equal("/en/", document.QuerySelector("a.site-name")?.GetAttribute("href"));
        Assert.StartsWith("/en/css/site.css", document.QuerySelector("link[rel=stylesheet]")?.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/does-not-exist", "sv", "Sidan finns inte")]
    [InlineData("/en/does-not-exist", "en", "Page not found")]
    public async Task NotFound_IsLocalizedAndDoesNotEchoThePath(string path, string language, string heading)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var document = await Html.ParseAsync(response);
        Assert.Equal(language, document.DocumentElement.GetAttribute("lang"));
        Assert.Equal(heading, document.QuerySelector("h1")?.TextContent);
        Assert.DoesNotContain("does-not-exist", document.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void ResourceFiles_HaveTheSameKeysInBothLanguages()
    {
        var folder = Path.Combine(RepositoryRoot.Path, "Intake.Web", "Resources");
        var swedish = Keys(Path.Combine(folder, "SharedResource.sv.resx"));
        var english = Keys(Path.Combine(folder, "SharedResource.en.resx"));

        Assert.NotEmpty(swedish);
        Assert.Equal(swedish.Order(StringComparer.Ordinal), english.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ProsePartials_ExistInBothLanguages()
    {
        var pages = Path.Combine(RepositoryRoot.Path, "Intake.Web", "Pages");
        var partials = Directory.GetFiles(pages, "*.sv.cshtml", SearchOption.AllDirectories);

        Assert.NotEmpty(partials);
        foreach (var swedish in partials)
        {
            var english = swedish[..^".sv.cshtml".Length] + ".en.cshtml";
            Assert.True(File.Exists(english), "Missing English version of " + swedish);
        }
    }

    private static HashSet<string> Keys(string resx) =>
        XDocument.Load(resx).Root!.Elements("data").Select(e => (string)e.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
}
