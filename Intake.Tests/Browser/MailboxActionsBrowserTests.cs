using Intake.Tests.Infrastructure;

namespace Intake.Tests.Browser;

/// <summary>
/// Every action in the mailbox is confirmed where the reporter is looking, on a 390 px phone, with JavaScript off
/// and on: a meeting request and a message each get a notice that has the focus and is in view.
/// </summary>
public sealed class MailboxActionsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => browser.App.EnsureSetUpAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("", false, "sv-SE", "Din begäran om ett möte är skickad", "Ditt meddelande är skickat")]
    [InlineData("/en", false, "en-GB", "Your request for a meeting has been sent", "Your message is sent")]
    [InlineData("", true, "sv-SE", "Din begäran om ett möte är skickad", "Ditt meddelande är skickat")]
    [InlineData("/en", true, "en-GB", "Your request for a meeting has been sent", "Your message is sent")]
    public Task MeetingRequestAndMessage_AreConfirmedWhereTheReporterLooks(string prefix, bool javaScript, string locale, string meeting, string message)
    {
        if (javaScript)
        {
            ReporterBrowser.RequireBundle();
        }

        return browser.RunAsync("mailbox-actions", javaScript, async page =>
        {
            var token = await ReporterBrowser.SubmitReportAsync(page, prefix + "/report/whistleblowing", javaScript, "asks for a meeting");
            await ReporterBrowser.OpenMailboxAsync(page, token, javaScript, prefix + "/mailbox");

            await ReporterBrowser.RequestMeetingAsync(page, javaScript);
            await ReporterBrowser.AssertConfirmedInViewAsync(page, meeting);

            await ReporterBrowser.SendMessageAsync(page, javaScript, "one more thing");
            await ReporterBrowser.AssertConfirmedInViewAsync(page, message);
            if (javaScript)
            {
                await ReporterBrowser.AssertAccessibleAsync(page);
            }
        }, ReporterBrowser.Phone390(locale));
    }
}
