using System.Net;
using Intake.Tests.Infrastructure;
using Intake.Web.Localization;

namespace Intake.Tests.Web.Foundation;

public sealed class LanguageTests(IntakeApplicationFactory app) : IClassFixture<IntakeApplicationFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => app.EnsureSetUpAsync();

    public Task DisposeAsync() => Task.CompletedTask;

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
    [InlineData("/", "en", "/en/")]
    [InlineData("/", "fi", "/fi/")]
    [InlineData("/en/", "sv", "/")]
    [InlineData("/en", "fi", "/fi/")]
    [InlineData("/fi/Mailbox?x=1", "sv", "/Mailbox?x=1")]
    [InlineData("/fi/Mailbox", "en", "/en/Mailbox")]
    public async Task LanguageSwitch_LinksToSamePageInEveryOtherLanguage(string path, string target, string expected)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        var document = await Html.ParseAsync(response);
        var links = document.QuerySelectorAll(".language-switch a");
        Assert.Equal(Languages.Supported.Count - 1, links.Length);
        Assert.Equal(expected, links.Single(a => a.GetAttribute("hreflang") == target).GetAttribute("href"));
    }

    [Fact]
    public async Task FinnishPrefix_ServesFinnishWithoutCookie()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/fi/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        var document = await Html.ParseAsync(response);
        Assert.Equal("fi", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("/fi/", document.QuerySelector("a.site-name")?.GetAttribute("href"));
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
    [InlineData("/fi/does-not-exist", "fi", "Sivua ei löydy")]
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
}
