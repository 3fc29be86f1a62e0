using Intake.Tests.Infrastructure;

namespace Intake.Tests.Browser;

/// <summary>
/// What a shared device keeps of a report: Back after sending shows an empty form in both modes, and with
/// JavaScript leaving a form with text typed (the language switch, say) asks first.
/// </summary>
public sealed class ReportTracesBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string LeavingIsStopped = "() => { const e = new Event('beforeunload', { cancelable: true }); window.dispatchEvent(e); return e.defaultPrevented; }";

    public Task InitializeAsync() => browser.App.EnsureSetUpAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("/report/whistleblowing", false)]
    [InlineData("/report/whistleblowing", true)]
    [InlineData("/en/report/threat", false)]
    [InlineData("/en/report/threat", true)]
    public Task BackAfterSending_ShowsAnEmptyForm(string path, bool javaScript)
    {
        if (javaScript)
        {
            ReporterBrowser.RequireBundle();
        }

        return browser.RunAsync("report-back", javaScript, async page =>
        {
            var canary = "trace-" + Guid.NewGuid().ToString("N");
            await page.GotoAsync("/");
            await ReporterBrowser.SubmitReportAsync(page, path, javaScript, canary);

            await page.GoBackAsync();
            if (!page.Url.Contains("/report/", StringComparison.Ordinal))
            {
                // With JavaScript the receipt took the form's place in the same page: Back leaves it, Forward
                // loads the form afresh.
                await page.GoForwardAsync();
            }

            await page.WaitForSelectorAsync("#f-whatHappened", new() { State = Microsoft.Playwright.WaitForSelectorState.Attached });
            Assert.Equal(string.Empty, await page.InputValueAsync("#f-whatHappened"));
            Assert.DoesNotContain(canary, await page.ContentAsync(), StringComparison.Ordinal);
        }, ReporterBrowser.Phone());
    }

    [Theory]
    [InlineData("/report/whistleblowing")]
    [InlineData("/fi/report/threat")]
    public Task WithJavaScript_LeavingAFormWithText_AsksFirst(string path)
    {
        ReporterBrowser.RequireBundle();
        return browser.RunAsync("report-leave", javaScript: true, async page =>
        {
            await ReporterBrowser.OpenFormAsync(page, path, javaScript: true);
            Assert.False(await page.EvaluateAsync<bool>(LeavingIsStopped));

            await page.FillAsync("#f-department, #f-whenWhere", "typed");

            Assert.True(await page.EvaluateAsync<bool>(LeavingIsStopped));
        }, ReporterBrowser.Phone());
    }
}
