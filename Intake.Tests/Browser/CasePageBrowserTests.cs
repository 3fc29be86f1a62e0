using Intake.Tests.Infrastructure;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Intake.Tests.Browser;

/// <summary>
/// The case page laid out for work: two panes side by side at 1280 px (the report and thread, beside the case's
/// facts and actions), one readable column on a 390 px phone with no word broken mid-word, and an action that
/// comes back to its own section with its confirmation in view.
/// </summary>
public sealed class CasePageBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => browser.App.EnsureSetUpAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CasePage_At1280_HasTwoPanesSideBySide_AndPassesAxe()
    {
        var caseId = await SubmitAsync("Chefen tog emot pengar av en leverantör");
        await browser.RunAsync("case-page-desktop", javaScript: true, async page =>
        {
            await browser.SignInAsync(page, StaffWorld.WhistleblowingHandler);
            await page.GotoAsync($"/Staff/Cases/{caseId}");

            Assert.True(await PageLayout.SideBySideAsync(page, "#case-main", "#case-side"), "The report and the actions are not side by side at 1280 px.");
            Assert.True(await PageLayout.SideBySideAsync(page, "#case-main", "#case-summary"), "The case's facts are not beside the report at 1280 px.");
            Assert.True(await PageLayout.PageOverflowAsync(page) <= 0, "The case page scrolls sideways at 1280 px.");
            await AxeAssert.NoSeriousViolationsAsync(page, "case page at 1280 px");
            Directory.CreateDirectory(BrowserFixture.ScreenshotDirectory);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "case-1280.png"), FullPage = true });
        }, new BrowserNewContextOptions { ViewportSize = PageLayout.Desktop });
    }

    [Fact]
    public async Task CasePage_OnAPhone_IsOneColumn_WithoutBrokenWords_AndPassesAxe()
    {
        var caseId = await SubmitAsync("Chefen tog emot pengar av en leverantör");
        await browser.RunAsync("case-page-phone", javaScript: true, async page =>
        {
            await browser.SignInAsync(page, StaffWorld.WhistleblowingHandler);
            await page.GotoAsync($"/Staff/Cases/{caseId}");

            Assert.True(await PageLayout.OneColumnAsync(page, "#case-summary", "#case-main", "#case-side"), "The case page is not one column at 390 px.");
            Assert.True(await PageLayout.PageOverflowAsync(page) <= 0, "The case page scrolls sideways at 390 px.");
            Assert.Empty(await PageLayout.BrokenWordsAsync(page, "main"));
            await AxeAssert.NoSeriousViolationsAsync(page, "case page at 390 px");
            Directory.CreateDirectory(BrowserFixture.ScreenshotDirectory);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "case-390.png"), FullPage = true });
        }, new BrowserNewContextOptions { ViewportSize = PageLayout.Phone });
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AnAction_ComesBackToItsOwnSection_WithTheConfirmationInView(bool javaScript)
    {
        var caseId = await SubmitAsync("Leverantören fick betalt två gånger");
        await browser.RunAsync("case-page-section-" + javaScript, javaScript, async page =>
        {
            await browser.SignInAsync(page, StaffWorld.WhistleblowingHandler);
            await page.GotoAsync($"/Staff/Cases/{caseId}");
            await page.SelectOptionAsync("#assignee", new SelectOptionValue { Index = 1 });
            await page.ClickAsync("#assign button[type=submit]");

            await page.WaitForURLAsync(url => url.EndsWith("#assign", StringComparison.Ordinal));
            await page.WaitForSelectorAsync("#assign #status-message");
            Assert.Equal(1, await page.Locator("[role=status]#status-message").CountAsync());
            Assert.True(await PageLayout.InViewAsync(page, "#assign #status-message"), "The confirmation is not in view after saving the assignee.");
        }, new BrowserNewContextOptions { ViewportSize = PageLayout.Desktop });
    }

    private async Task<Guid> SubmitAsync(string text)
    {
        using var reporter = new ReporterClient(browser.App);
        reporter.Http.BaseAddress = browser.BaseAddress;
        await reporter.SubmitAsync("/report/whistleblowing", ReporterClient.MinimalWhistleblowing(text));
        await using var scope = browser.App.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        return await db.Cases.OrderByDescending(c => c.Sequence).Select(c => c.Id).FirstAsync();
    }
}
