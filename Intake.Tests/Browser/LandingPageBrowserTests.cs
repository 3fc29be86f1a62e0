using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Intake.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Intake.Tests.Browser;

/// <summary>The landing page in a real Chromium, with JavaScript on and off, on a phone-sized screen and zoomed.</summary>
public sealed class LandingPageBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => browser.App.EnsureSetUpAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public Task Landing_RendersInSwedishWithAndWithoutJavaScript(bool javaScript) =>
        browser.RunAsync("landing-renders", javaScript, async page =>
        {
            var response = await page.GotoAsync("/");

            Assert.Equal(200, response!.Status);
            Assert.Equal("sv", await page.GetAttributeAsync("html", "lang"));
            Assert.Contains("Rapportera", await page.TextContentAsync("h1"), StringComparison.Ordinal);
            Assert.Empty(await page.Context.CookiesAsync());
        });

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public Task LanguageSwitch_WorksWithoutCookies(bool javaScript) =>
        browser.RunAsync("language-switch", javaScript, async page =>
        {
            await page.GotoAsync("/");
            await page.ClickAsync(".language-switch a[hreflang=en]");

            Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
            Assert.EndsWith("/en/", page.Url, StringComparison.Ordinal);
            await page.ClickAsync(".language-switch a[hreflang=fi]");
            Assert.Equal("fi", await page.GetAttributeAsync("html", "lang"));
            Assert.EndsWith("/fi/", page.Url, StringComparison.Ordinal);
            await page.ClickAsync(".language-switch a[hreflang=sv]");
            Assert.Equal("sv", await page.GetAttributeAsync("html", "lang"));
            Assert.Empty(await page.Context.CookiesAsync());
        });

    [Fact]
    public Task SkipLink_IsFirstTabStopAndMovesFocusToMain() =>
        browser.RunAsync("skip-link", javaScript: true, async page =>
        {
            await page.GotoAsync("/");
            await page.Keyboard.PressAsync("Tab");

            Assert.Equal("skip-link", await page.EvaluateAsync<string>("document.activeElement.className"));
            Assert.True(await page.IsVisibleAsync("a.skip-link"));
            await page.Keyboard.PressAsync("Enter");
            Assert.EndsWith("#main", page.Url, StringComparison.Ordinal);
        });

    [Theory]
    [InlineData("/")]
    [InlineData("/en/")]
    [InlineData("/fi/")]
    public Task Landing_HasNoSeriousOrCriticalAccessibilityViolation(string path) =>
        browser.RunAsync("axe", javaScript: true, async page =>
        {
            await page.GotoAsync(path);
            var result = await page.RunAxe();

            var serious = result.Violations
                .Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
                .ToList();
            Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious));
        });

    [Fact]
    public Task Landing_FitsA320PixelScreenWithoutHorizontalScrolling() =>
        browser.RunAsync("narrow", javaScript: true, async page =>
        {
            await page.GotoAsync("/");

            var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"Page is {overflow}px wider than a 320px screen");
        }, new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 320, Height = 640 } });

    [Fact]
    public Task Landing_StaysReadableAt200PercentZoom() =>
        browser.RunAsync("zoom", javaScript: true, async page =>
        {
            await page.GotoAsync("/");

            var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"Page is {overflow}px wider than the zoomed viewport");
            Assert.True(await page.IsVisibleAsync("h1"));
        }, new BrowserNewContextOptions
        {
            // A 1280 px wide window at 200 % zoom lays out like a 640 px viewport with a device scale factor of 2.
            ViewportSize = new ViewportSize { Width = 640, Height = 400 },
            DeviceScaleFactor = 2,
        });

    [Fact]
    public Task Landing_RequestsNothingFromAnotherHost() =>
        browser.RunAsync("same-origin", javaScript: true, async page =>
        {
            var foreign = new List<string>();
            page.Request += (_, request) =>
            {
                if (!request.Url.StartsWith(browser.BaseAddress.ToString(), StringComparison.Ordinal))
                {
                    foreign.Add(request.Url);
                }
            };

            await page.GotoAsync("/", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            Assert.Empty(foreign);
        });
}
