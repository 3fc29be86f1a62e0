using System.Text;
using Intake.Tests.Infrastructure;
using Intake.Web.Cases;
using Microsoft.Playwright;

namespace Intake.Tests.Browser;

/// <summary>
/// The mailbox of a closed case on a phone, with JavaScript off and on: the status says how the case ended and what
/// the reporter can still do, the automatic receipt notice is labelled as such, and a collapsed report hides its files.
/// </summary>
public sealed class MailboxStatusBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => browser.App.EnsureSetUpAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("", false, "Åtgärder har vidtagits", "kan fortfarande", "Kvitto: rapporten har kommit fram")]
    [InlineData("", true, "Åtgärder har vidtagits", "kan fortfarande", "Kvitto: rapporten har kommit fram")]
    [InlineData("/en", false, "Measures have been taken", "can still", "Receipt: your report has arrived")]
    [InlineData("/en", true, "Measures have been taken", "can still", "Receipt: your report has arrived")]
    public async Task ClosedCase_SaysHowItEndedAndWhatTheReporterCanStillDo(string prefix, bool javaScript, string outcome, string stillCan, string receiptLabel)
    {
        if (javaScript)
        {
            ReporterBrowser.RequireBundle();
        }

        var token = string.Empty;
        var caseNumber = string.Empty;
        await browser.RunAsync("mailbox-closed-send", javaScript: false, async page =>
        {
            token = await ReporterBrowser.SubmitReportAsync(page, prefix + "/report/whistleblowing", javaScript: false, "closed",
                new FilePayload { Name = "evidence.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes("evidence") });
            caseNumber = (await page.TextContentAsync("#receipt-case"))!.Trim();
        });
        await using (var scope = browser.App.CreateScope())
        {
            await HandlerWrites.CloseAsync(scope, caseNumber, CaseOutcomes.MeasuresTaken);
        }

        await browser.RunAsync("mailbox-closed", javaScript, async page =>
        {
            await page.GotoAsync(prefix + "/mailbox");
            await page.FillAsync("#Token", token);
            await page.ClickAsync("main form button[type=submit]");
            await page.WaitForSelectorAsync(".thread .thread-item--report");

            var status = (await page.TextContentAsync("#case-status"))!;
            Assert.Contains(outcome, status, StringComparison.Ordinal);
            Assert.Contains(stillCan, status, StringComparison.Ordinal);
            Assert.Contains(receiptLabel, await page.TextContentAsync(".thread-item--receiptconfirmation .thread-meta"), StringComparison.Ordinal);

            // The report is collapsed, and so are its files; opened, they show.
            Assert.False(await page.IsVisibleAsync(".thread-item--report .attachments"));
            await page.ClickAsync(".thread-item--report summary");
            Assert.True(await page.IsVisibleAsync(".thread-item--report .attachments"));
            Assert.Contains("evidence.txt", await page.TextContentAsync(".thread-item--report .attachments"), StringComparison.Ordinal);
            await ReporterBrowser.AssertFitsAPhoneAsync(page);
            if (javaScript)
            {
                await ReporterBrowser.AssertAccessibleAsync(page);
            }
        }, ReporterBrowser.Phone(prefix.Length == 0 ? "sv-SE" : "en-GB"));
    }
}
