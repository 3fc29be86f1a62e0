using AngleSharp.Dom;
using Intake.Tests.Infrastructure;

namespace Intake.Tests.Web.Cases;

/// <summary>What the reporter sends through the mailbox reaches the handler: counted as unread in the inbox until the case is opened.</summary>
public sealed class ReporterMessageTests : CaseTestBase
{
    [Fact]
    public async Task FollowUpAndMeetingRequest_ShowOnTheCasePage_AndCountAsUnreadUntilOpened()
    {
        var followUp = "follow-up-" + Guid.NewGuid().ToString("N");
        var (caseId, token) = await SubmitWhistleblowingAsync("first words");
        using (var reporter = new ReporterClient(App))
        {
            var (_, mailbox) = await reporter.OpenMailboxAsync(token);
            using var sent = await SendFollowUpAsync(reporter, mailbox, followUp);
            Assert.Contains(followUp, await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var (_, again) = await reporter.OpenMailboxAsync(token);
            var meeting = again.QuerySelector("form[action*='handler=Meeting']")!;
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = meeting.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            });
            using var requested = await reporter.Http.PostAsync(new Uri(meeting.GetAttribute("action")!, UriKind.Relative), content);
            Assert.True(requested.IsSuccessStatusCode);
        }

        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);
        Assert.Equal("2", await UnreadInInboxAsync(handler, caseId));

        var (_, page) = await GetAsync(handler, $"/Staff/Cases/{caseId}");
        var thread = page.QuerySelector("main")!.TextContent;
        Assert.Contains(followUp, thread, StringComparison.Ordinal);
        Assert.Contains("möte", thread, StringComparison.OrdinalIgnoreCase);

        Assert.Equal("0", await UnreadInInboxAsync(handler, caseId));
    }

    private static async Task<HttpResponseMessage> SendFollowUpAsync(ReporterClient reporter, IDocument mailbox, string text)
    {
        var form = mailbox.QuerySelector("form[enctype='multipart/form-data']")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent(text), "message" },
        };
        return await reporter.Http.PostAsync(new Uri("/mailbox/open?handler=Message", UriKind.Relative), content);
    }

    private static async Task<string> UnreadInInboxAsync(StaffBrowserClient handler, Guid caseId)
    {
        var (_, inbox) = await GetAsync(handler, "/Staff/Cases");
        var row = inbox.QuerySelectorAll("table.inbox tbody tr")
            .Single(r => r.QuerySelector($"a[href$='/Staff/Cases/{caseId}']") is not null);
        var cells = row.QuerySelectorAll("td");
        return cells[^1].TextContent.Trim();
    }
}
