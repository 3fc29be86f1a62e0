using Deque.AxeCore.Playwright;
using Intake.Tests.Infrastructure;
using Intake.Tests.Web.Cases;
using Intake.Web.Accounts;
using Intake.Web.Cases;
using Intake.Web.Keys;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;

namespace Intake.Tests.Browser;

/// <summary>
/// The statistics pages in Chromium: the charts are drawn with JavaScript off, axe finds no serious or critical
/// violation, a phone scrolls only the tables, and the print layout leaves out menus and forms.
/// </summary>
public sealed class StatisticsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await using var scope = browser.App.CreateScope();
        if (await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Channels.AnyAsync())
        {
            return;
        }

        using var world = await StaffWorld.CreateAsync(browser.App);
        var year = browser.App.Services.GetRequiredService<CaseCalendar>().Today.Year - 2;
        var seeder = new CaseSeeder(browser.App);
        await seeder.AddManyAsync(ChannelCodes.Whistleblowing, 240, i => new DateOnly(year, 1 + (i % 12), 1 + (i % 27)), c =>
        {
            c.Category = c.Sequence % 3 == 0 ? "fraud" : "procurement";
            c.AcknowledgedOn = c.ReceivedOn.AddDays(c.Sequence % 10);
        });
        await seeder.AddManyAsync(ChannelCodes.Threat, 120, i => new DateOnly(year, 1 + (i % 12), 2), c =>
        {
            c.ReporterRole = c.Sequence % 2 == 0 ? "elected" : "employee";
            c.IncidentTypes = "threat-violence|harassment";
            c.PoliceReported = c.Sequence % 4 == 0;
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string[] Paths()
    {
        var year = browser.App.Services.GetRequiredService<CaseCalendar>().Today.Year - 2;
        return [$"/Staff/Statistics?grain=month&from={year}-01&to={year}-12", $"/en/Staff/Statistics?channel=threat&grain=quarter&from={year}-Q1&to={year + 1}-Q4",
            $"/Staff/Statistics/Annual?channel=threat&year={year}"];
    }

    [Fact]
    public Task Charts_RenderWithoutJavaScript() =>
        browser.RunAsync("statistics-nojs", javaScript: false, async page =>
        {
            await SignInAsync(page);
            foreach (var path in Paths())
            {
                await page.GotoAsync(path);
                var bars = page.Locator("figure.stat-chart svg rect");
                Assert.True(await bars.CountAsync() > 0, path);
                var box = await page.Locator("figure.stat-chart svg").First.BoundingBoxAsync();
                Assert.True(box is { Width: > 200, Height: > 100 }, $"{path}: chart box {box?.Width}x{box?.Height}");
            }

            Directory.CreateDirectory(BrowserFixture.ScreenshotDirectory);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "statistics-annual.png"), FullPage = true });
        });

    [Fact]
    public Task Pages_OnAPhone_PassAxe_AndPrintWithoutMenus() =>
        browser.RunAsync("statistics-phone", javaScript: true, async page =>
        {
            await SignInAsync(page);
            foreach (var path in Paths())
            {
                await page.GotoAsync(path);
                var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
                var widest = await page.EvaluateAsync<string>("() => [...document.querySelectorAll('body *')].filter(e => !(e.parentElement && e.parentElement.closest('.table-scroll')) && e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 5).map(e => e.tagName + '.' + e.className + ':' + Math.round(e.getBoundingClientRect().right)).join(' ')");
                Assert.True(overflow <= 0, $"{path} is {overflow}px wider than a 320px screen: {widest}");
                var result = await page.RunAxe();
                var serious = result.Violations
                    .Where(v => v.Impact is "serious" or "critical")
                    .Select(v => $"{path}: {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
                    .ToList();
                Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious));
            }

            await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
            Assert.False(await page.Locator("nav.staff-nav").IsVisibleAsync());
            Assert.False(await page.Locator("form.stat-filters").IsVisibleAsync());
            Assert.True(await page.Locator("figure.stat-chart svg").First.IsVisibleAsync());
            Directory.CreateDirectory(BrowserFixture.ScreenshotDirectory);
            await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "statistics-annual.pdf") });
        }, new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 320, Height = 640 } });

    private async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/Staff/SignIn");
        await page.FillAsync("#Username", StaffWorld.StatisticsUser);
        await page.FillAsync("#Passphrase", StaffWorld.Passphrase);
        await page.ClickAsync("main form button[type=submit]");
        var code = page.Locator("#totp-secret");
        if (await code.CountAsync() > 0)
        {
            var secret = Base32Encoding.ToBytes((await code.TextContentAsync())!.Trim());
            lock (_secrets)
            {
                _secrets[browser.App.DataDirectory] = secret;
            }
        }
        else
        {
            browser.App.Clock.Advance(TimeSpan.FromSeconds(30));
        }

        byte[] known;
        lock (_secrets)
        {
            known = _secrets[browser.App.DataDirectory];
        }

        await page.FillAsync("#Code", browser.App.Services.GetRequiredService<TotpCodes>().CodeFor(known, browser.App.Clock.GetUtcNow()));
        await page.ClickAsync("main form button[type=submit]");
        Assert.EndsWith("/Staff/Statistics", page.Url, StringComparison.Ordinal);
    }

    private static readonly Dictionary<string, byte[]> _secrets = [];
}
