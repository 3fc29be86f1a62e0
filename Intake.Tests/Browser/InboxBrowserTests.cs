using Intake.Tests.Infrastructure;
using Intake.Tests.Web.Cases;
using Intake.Web.Cases;
using Intake.Web.Keys;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Intake.Tests.Browser;

/// <summary>
/// The case inbox in Chromium: within the page at 1280 px with one deadline column and the filter bar on one row,
/// its selects not cut short, case, status and next deadline alone on a 390 px phone, filters that work without
/// JavaScript, and no serious axe violation.
/// </summary>
public sealed class InboxBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private static readonly string[] _sortSelects = ["#f-sort", "#f-dir"];

    private static readonly string[] _paths = ["/Staff/Cases", "/en/Staff/Cases?overdue=true&sort=Deadline", "/fi/Staff/Cases", "/Staff"];

    // The fixture's application is shared by the class: set the organisation up once.
    public Task InitializeAsync() => browser.App.EnsureSetUpAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public Task Inbox_At1280_FitsThePage_WithOneDeadlineColumn_AndTheFiltersOnOneRow() =>
        browser.RunAsync("inbox-desktop", javaScript: true, async page =>
        {
            await SeedAsync();
            await browser.SignInAsync(page, StaffWorld.WhistleblowingHandler);

            foreach (var path in _paths)
            {
                await page.GotoAsync(path);
                Assert.True(await PageLayout.PageOverflowAsync(page) <= 0, $"{path} scrolls sideways at 1280 px");
                await AxeAssert.NoSeriousViolationsAsync(page, path + " at 1280 px");
            }

            await page.GotoAsync("/Staff/Cases");
            Assert.True(await PageLayout.OverflowAsync(page, ".table-scroll") <= 0, "The inbox table is wider than its container at 1280 px.");
            var headers = await PageLayout.VisibleHeadersAsync(page, "table.inbox");
            Assert.Single(headers, h => h.Contains("tidsfrist", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain("Bekräftelse", headers);
            Assert.DoesNotContain("Återkoppling", headers);
            Assert.Contains("Bekräftelse av mottagandet:", await page.Locator("table.inbox tbody tr").First.Locator("td").Nth(3).TextContentAsync(), StringComparison.Ordinal);
            Assert.True(await PageLayout.ChildrenOnOneRowAsync(page, "form.inbox-filters"), "The filter bar wraps at 1280 px.");
            Assert.Empty(await PageLayout.UnlabelledControlsAsync(page, "form.inbox-filters"));
            foreach (var select in _sortSelects)
            {
                Assert.True(await PageLayout.SelectShowsWholeOptionsAsync(page, select), $"{select} cuts its options short at 1280 px.");
            }

            Directory.CreateDirectory(BrowserFixture.ScreenshotDirectory);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "inbox-1280.png") });
        }, new BrowserNewContextOptions { ViewportSize = PageLayout.Desktop });

    [Fact]
    public Task Inbox_OnAPhone_ShowsCaseStatusAndNextDeadline_WithoutSidewaysScrolling() =>
        browser.RunAsync("inbox-phone", javaScript: true, async page =>
        {
            await SeedAsync();
            await browser.SignInAsync(page, StaffWorld.WhistleblowingHandler);

            foreach (var path in _paths)
            {
                await page.GotoAsync(path);
                Assert.True(await PageLayout.PageOverflowAsync(page) <= 0, $"{path} scrolls sideways at 390 px");
                await AxeAssert.NoSeriousViolationsAsync(page, path + " at 390 px");
            }

            await page.GotoAsync("/Staff/Cases");
            Assert.Equal(["Ärende", "Status", "Nästa tidsfrist"], (await PageLayout.VisibleHeadersAsync(page, "table.inbox")).Select(h => h.TrimEnd(' ', '▲', '▼')));
            Assert.True(await PageLayout.OverflowAsync(page, ".table-scroll") <= 0, "The inbox table is wider than a 390 px phone.");
            Directory.CreateDirectory(BrowserFixture.ScreenshotDirectory);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "inbox-390.png"), FullPage = true });
        }, new BrowserNewContextOptions { ViewportSize = PageLayout.Phone });

    [Fact]
    public Task Filters_WorkWithoutJavaScript() =>
        browser.RunAsync("inbox-filters", javaScript: false, async page =>
        {
            await SeedAsync();
            await browser.SignInAsync(page, StaffWorld.WhistleblowingHandler);

            await page.GotoAsync("/Staff/Cases");
            await page.SelectOptionAsync("#f-status", nameof(CaseStatus.UnderInvestigation));
            await page.CheckAsync("#f-disposed");
            await page.ClickAsync("form.inbox-filters button[type=submit]");

            Assert.Contains("status=UnderInvestigation", page.Url, StringComparison.Ordinal);
            Assert.Contains("disposed=true", page.Url, StringComparison.Ordinal);
            var statuses = await page.Locator("table.inbox tbody tr td:nth-of-type(3)").AllTextContentsAsync();
            Assert.NotEmpty(statuses);
            Assert.All(statuses, s => Assert.Equal("Utreds", s.Trim()));
            Assert.True(await page.IsCheckedAsync("#f-disposed"));
        }, new BrowserNewContextOptions { ViewportSize = PageLayout.Desktop });

    /// <summary>Sixty whistleblowing cases with long category names, some overdue, some under investigation and overdue.</summary>
    private async Task SeedAsync()
    {
        await using (var scope = browser.App.CreateScope())
        {
            if (await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.AnyAsync())
            {
                return;
            }
        }

        var today = browser.App.Services.GetRequiredService<CaseCalendar>().Today;
        var seeder = new CaseSeeder(browser.App);
        await seeder.AddManyAsync(ChannelCodes.Whistleblowing, 60, i => today.AddDays(-i), c =>
        {
            c.Category = "procurement";
            c.HandlerCategories = "procurement|bribery|conflict-of-interest";
            c.UnreadReporterMessages = c.Sequence % 3;
            if (c.Sequence % 4 == 0)
            {
                c.Status = CaseStatus.UnderInvestigation;
                c.AcknowledgedOn = c.ReceivedOn.AddDays(1);
            }
        });
    }
}
