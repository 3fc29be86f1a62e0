using System.Net;
using Intake.Tests.Infrastructure;

namespace Intake.Tests.Web.Foundation;

public sealed class LandingPageTests(IntakeApplicationFactory app) : IClassFixture<IntakeApplicationFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => app.EnsureSetUpAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Root_ServesSwedishLandingPage()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Html.ParseAsync(response);
        Assert.Equal("sv", document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Rapportera missförhållanden", document.QuerySelector("h1")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Root_SetsNoCookie()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/en/")]
    public async Task Landing_TellsAnyoneInDangerToCall112(string path)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        var document = await Html.ParseAsync(response);
        var danger = document.QuerySelector("aside.notice--danger");
        Assert.NotNull(danger);
        Assert.Contains("112", danger.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Landing_ExplainsHowToProtectAnonymity()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/en/", UriKind.Relative));

        var text = (await Html.ParseAsync(response)).Body!.TextContent;
        Assert.Contains("Tor Browser", text, StringComparison.Ordinal);
        Assert.Contains("employer's network", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Landing_HasSkipLinkAndLandmarks()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        var document = await Html.ParseAsync(response);
        var skip = document.QuerySelector("a.skip-link");
        Assert.Equal("#main", skip?.GetAttribute("href"));
        Assert.NotNull(document.QuerySelector("main#main"));
        Assert.NotNull(document.QuerySelector("header"));
        Assert.NotNull(document.QuerySelector("footer"));
        Assert.NotNull(document.QuerySelector("meta[name=viewport]"));
    }

    [Fact]
    public async Task Landing_LoadsNothingFromAnotherHostAndRunsNoScript()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        var document = await Html.ParseAsync(response);
        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.Empty(document.QuerySelectorAll("[style]"));
        foreach (var element in document.QuerySelectorAll("link[href], img[src], iframe, object, embed, video, audio, source"))
        {
            var url = element.GetAttribute("href") ?? element.GetAttribute("src") ?? string.Empty;
            Assert.StartsWith("/", url, StringComparison.Ordinal);
            Assert.False(url.StartsWith("//", StringComparison.Ordinal), url);
        }
    }

    [Fact]
    public async Task Landing_LinksOnlyToPagesThatExist()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        var document = await Html.ParseAsync(response);
        foreach (var link in document.QuerySelectorAll("main a[href^='/']"))
        {
            using var target = await client.GetAsync(new Uri(link.GetAttribute("href")!, UriKind.Relative));
            Assert.True(target.StatusCode == HttpStatusCode.OK, $"{link.GetAttribute("href")} answered {(int)target.StatusCode}");
        }
    }
}

public sealed class LandingPageAfterSetupTests : IAsyncLifetime
{
    private readonly IntakeApplicationFactory _app = new();

    public async Task InitializeAsync()
    {
        using var world = await StaffWorld.CreateAsync(_app);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/", "/report/whistleblowing", "/report/threat", "/mailbox")]
    [InlineData("/en/", "/en/report/whistleblowing", "/en/report/threat", "/en/mailbox")]
    public async Task Landing_LinksToBothChannelsAndTheMailbox(string path, string whistleblowing, string threat, string mailbox)
    {
        using var client = _app.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        var links = (await Html.ParseAsync(response)).QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains(whistleblowing, links);
        Assert.Contains(threat, links);
        Assert.Contains(mailbox, links);
        foreach (var link in links.Where(l => l!.StartsWith('/')))
        {
            using var target = await client.GetAsync(new Uri(link!, UriKind.Relative));
            Assert.True(target.StatusCode == System.Net.HttpStatusCode.OK, $"{link} answered {(int)target.StatusCode}");
        }
    }
}
