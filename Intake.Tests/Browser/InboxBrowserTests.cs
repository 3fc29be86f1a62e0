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

/// <summary>The case inbox in Chromium on a 320 px phone: no sideways page scroll, and no serious axe violation.</summary>
public sealed class InboxBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private static readonly string[] _paths = ["/Staff/Cases", "/en/Staff/Cases?overdue=true&sort=Deadline", "/Staff"];

    // The fixture's application is shared by the class: set the organisation up once.
    public Task InitializeAsync() => browser.App.EnsureSetUpAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public Task Inbox_OnAPhone_ScrollsOnlyTheTable_AndPassesAxe() =>
        browser.RunAsync("inbox-phone", javaScript: true, async page =>
        {
            var today = browser.App.Services.GetRequiredService<CaseCalendar>().Today;
            var seeder = new CaseSeeder(browser.App);
            await seeder.AddManyAsync(ChannelCodes.Whistleblowing, 60, i => today.AddDays(-i), c =>
            {
                c.Category = "procurement";
                c.UnreadReporterMessages = c.Sequence % 3;
            });
            await browser.SignInAsync(page, StaffWorld.WhistleblowingHandler);

            foreach (var path in _paths)
            {
                await page.GotoAsync(path);
                var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
                Assert.True(overflow <= 0, $"{path} is {overflow}px wider than a 320px screen");
                var result = await page.RunAxe();
                var serious = result.Violations
                    .Where(v => v.Impact is "serious" or "critical")
                    .Select(v => $"{path}: {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
                    .ToList();
                Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious));
            }

            await page.GotoAsync("/Staff/Cases");
            Assert.True(await page.EvaluateAsync<bool>("() => { const s = document.querySelector('.table-scroll'); return s.scrollWidth > s.clientWidth; }"),
                "On a phone the table scrolls inside its own container.");
            Directory.CreateDirectory(BrowserFixture.ScreenshotDirectory);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "inbox-320-top.png") });
            await page.Locator(".table-scroll").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "inbox-320-table.png") });
        }, new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 320, Height = 640 } });
}
