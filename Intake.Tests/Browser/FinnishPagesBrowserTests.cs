using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Intake.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Intake.Tests.Browser;

/// <summary>
/// The third language end to end: every reporter page and the staff pages a handler works in are served in Finnish
/// under <c>/fi/</c>, and axe finds no serious or critical violation on them.
/// </summary>
public sealed class FinnishPagesBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private static readonly string[] _staffPages = ["/fi/Staff", "/fi/Staff/Cases", "/fi/Staff/Cases/Register", "/fi/Staff/Account", "/fi/Staff/Audit"];

    public Task InitializeAsync() => browser.App.EnsureSetUpAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, string> ReporterPages() => new()
    {
        { "/fi/", "h1" },
        { "/fi/report/whistleblowing", "h1" },
        { "/fi/report/threat", "h1" },
        { "/fi/mailbox", "h1" },
        { "/fi/Staff/SignIn", "h1" },
    };

    [Theory]
    [MemberData(nameof(ReporterPages))]
    public Task ReporterPage_IsFinnish_AndAccessible(string path, string heading) =>
        browser.RunAsync("fi-reporter", javaScript: true, async page =>
        {
            var response = await page.GotoAsync(path);

            Assert.Equal(200, response!.Status);
            Assert.Equal("fi", await page.GetAttributeAsync("html", "lang"));
            Assert.False(string.IsNullOrWhiteSpace(await page.TextContentAsync(heading)));
            await AssertAccessibleAsync(page);
        });

    [Fact]
    public Task StaffPages_AreFinnish_AndAccessible() =>
        browser.RunAsync("fi-staff", javaScript: true, async page =>
        {
            await browser.SignInAsync(page, StaffWorld.WhistleblowingHandler, "/fi");

            foreach (var path in _staffPages)
            {
                var response = await page.GotoAsync(path);
                Assert.Equal(200, response!.Status);
                Assert.Equal("fi", await page.GetAttributeAsync("html", "lang"));
                Assert.Contains("Kirjaudu ulos", await page.TextContentAsync("nav.staff-nav"), StringComparison.Ordinal);
                await AssertAccessibleAsync(page);
            }
        });

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{page.Url}: {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious));
    }
}
