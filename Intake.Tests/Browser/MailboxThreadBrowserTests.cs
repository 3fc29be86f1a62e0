using Intake.Tests.Infrastructure;
using Intake.Web.Cases;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Intake.Tests.Browser;

/// <summary>
/// The mailbox's thread on a phone, with JavaScript off and on: the legal acknowledgement and the feedback are
/// named as such, apart from the receipt notice, and what the handler wrote since the last visit is marked new and
/// one link at the top leads to it.
/// </summary>
public sealed class MailboxThreadBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => browser.App.EnsureSetUpAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("", false, "Mottagningsbekräftelse", "Kvitto: rapporten har kommit fram", "Nytt", "2 nya meddelanden")]
    [InlineData("", true, "Mottagningsbekräftelse", "Kvitto: rapporten har kommit fram", "Nytt", "2 nya meddelanden")]
    [InlineData("/en", false, "Acknowledgement of receipt", "Receipt: your report has arrived", "New", "2 new messages")]
    [InlineData("/en", true, "Acknowledgement of receipt", "Receipt: your report has arrived", "New", "2 new messages")]
    public async Task NewReplies_AreMarkedAndOneLinkAway_AndTheAcknowledgementIsNamed(
        string prefix, bool javaScript, string acknowledgement, string receipt, string mark, string newCount)
    {
        if (javaScript)
        {
            ReporterBrowser.RequireBundle();
        }

        var token = string.Empty;
        var caseNumber = string.Empty;
        await browser.RunAsync("mailbox-thread-send", javaScript: false, async page =>
        {
            token = await ReporterBrowser.SubmitReportAsync(page, prefix + "/report/whistleblowing", javaScript: false, "thread");
            caseNumber = (await page.TextContentAsync("#receipt-case"))!.Trim();
        });
        await ReplyAsync(caseNumber, "We have your report.", ReplyPurpose.Acknowledgement);
        await ReplyAsync(caseNumber, "Could you tell us more?", ReplyPurpose.Message);

        await browser.RunAsync("mailbox-thread", javaScript, async page =>
        {
            await ReporterBrowser.OpenMailboxAsync(page, token, javaScript, prefix + "/mailbox");

            Assert.Contains(receipt, await page.TextContentAsync(".thread-item--receiptconfirmation .thread-meta"), StringComparison.Ordinal);
            var replies = page.Locator(".thread-item--handlermessage");
            Assert.Contains(acknowledgement, await replies.Nth(0).Locator(".thread-meta").TextContentAsync(), StringComparison.Ordinal);
            Assert.Equal([mark, mark], (await page.Locator(".thread-item--new .new-badge").AllTextContentsAsync()).Select(t => t.Trim()));

            var link = page.Locator(".new-items a");
            Assert.Equal(newCount, (await link.TextContentAsync())!.Trim());
            await link.ClickAsync();
            await page.WaitForFunctionAsync("() => location.hash.startsWith('#entry-')");
            var firstNewInView = await page.EvaluateAsync<bool>("""
                () => { const e = document.querySelector('.thread-item--new'); const r = e.getBoundingClientRect();
                  return location.hash === '#' + e.id && r.top >= 0 && r.top < window.innerHeight; }
                """);
            Assert.True(firstNewInView, "The link does not lead to the first new reply.");
            await ReporterBrowser.AssertFitsAPhoneAsync(page);
            if (javaScript)
            {
                await ReporterBrowser.AssertAccessibleAsync(page);
            }
        }, ReporterBrowser.Phone390(prefix.Length == 0 ? "sv-SE" : "en-GB"));

        // The next visit finds nothing new.
        await browser.RunAsync("mailbox-thread-again", javaScript, async page =>
        {
            await ReporterBrowser.OpenMailboxAsync(page, token, javaScript, prefix + "/mailbox");
            await page.WaitForSelectorAsync(".thread-item--handlermessage");
            Assert.Equal(0, await page.Locator(".thread-item--new").CountAsync());
            Assert.False(await page.Locator(".new-items a").IsVisibleAsync());
        }, ReporterBrowser.Phone390(prefix.Length == 0 ? "sv-SE" : "en-GB"));
    }

    [Theory]
    [InlineData("", "Fel: ", "Meddelandet är inte skickat än.", "Formuläret hade gått ut")]
    [InlineData("/en", "Error: ", "The message has not been sent yet.", "The form had expired")]
    public async Task WithJavaScript_ARefusedMessage_IsShownInTheOneErrorSummary_AndAnExpiredFormKeepsTheText(
        string prefix, string titlePrefix, string heading, string expired)
    {
        ReporterBrowser.RequireBundle();
        var token = string.Empty;
        await browser.RunAsync("mailbox-errors-send", javaScript: false, async page =>
            token = await ReporterBrowser.SubmitReportAsync(page, prefix + "/report/whistleblowing", javaScript: false, "errors"));

        await browser.RunAsync("mailbox-errors", javaScript: true, async page =>
        {
            await ReporterBrowser.OpenMailboxAsync(page, token, javaScript: true, prefix + "/mailbox");

            // Nothing typed: the summary the server page uses, focused, its line linked to the message field.
            await page.ClickAsync("form.mailbox-reply button[type=submit]");
            await page.WaitForSelectorAsync("#mailbox-open #error-summary:not([hidden])");
            Assert.Equal(heading, (await page.TextContentAsync("#error-summary h2"))!.Trim());
            Assert.Equal("#message", await page.GetAttributeAsync("#error-summary li a", "href"));
            await ReporterBrowser.AssertErrorSummaryInViewAsync(page, titlePrefix);
            await ReporterBrowser.AssertFitsAPhoneAsync(page);
            await ReporterBrowser.AssertAccessibleAsync(page);

            // The form expired: one instruction, the text is still there, and sending again goes through.
            await page.EvalOnSelectorAsync("form.mailbox-door-form input[name=__RequestVerificationToken]", "i => i.value = 'stale'");
            await page.FillAsync("#message", "typed before it expired");
            await page.ClickAsync("form.mailbox-reply button[type=submit]");
            await page.WaitForFunctionAsync("s => document.querySelector('#error-summary li')?.textContent.startsWith(s)", expired);
            var errors = await ReporterBrowser.ErrorsAsync(page);
            Assert.Single(errors);
            Assert.StartsWith(expired, errors[0], StringComparison.Ordinal);
            Assert.Equal("typed before it expired", await page.InputValueAsync("#message"));
            await ReporterBrowser.AssertErrorSummaryInViewAsync(page, titlePrefix);

            await page.ClickAsync("form.mailbox-reply button[type=submit]");
            await page.WaitForSelectorAsync("[data-slot=sent]:not([hidden])", new() { Timeout = 60_000 });
            Assert.Contains("typed before it expired", await page.TextContentAsync("#mailbox-open .thread"), StringComparison.Ordinal);
            Assert.False(await page.TitleAsync() is { } title && title.StartsWith(titlePrefix, StringComparison.Ordinal));
        }, ReporterBrowser.Phone390(prefix.Length == 0 ? "sv-SE" : "en-GB"));
    }

    private async Task ReplyAsync(string caseNumber, string text, ReplyPurpose purpose)
    {
        await using var scope = browser.App.CreateScope();
        var caseId = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.Where(c => c.CaseNumber == caseNumber).Select(c => c.Id).SingleAsync();
        using var handler = await StaffWorld.UnlockAsync(scope, StaffWorld.WhistleblowingHandler);
        await HandlerWrites.ReplyAsync(scope, caseId, handler, text, purpose);
    }
}
