using System.Text.Json;
using AngleSharp.Dom;
using Intake.Crypto.Mailbox;
using Intake.Tests.Infrastructure;
using Intake.Tests.Web.Cases;
using Intake.Web.Cases;
using Microsoft.EntityFrameworkCore;

namespace Intake.Tests.Web.Reporting;

/// <summary>
/// What the mailbox's thread says about its items without JavaScript and to the page's script: the legal
/// acknowledgement and the feedback are named as such, apart from the automatic receipt notice, and the replies
/// since the reporter's last visit are marked new and linked from the top, for the whole visit.
/// </summary>
public sealed class MailboxThreadTests : CaseTestBase
{
    [Fact]
    public async Task AcknowledgementAndFeedback_AreNamedInTheMailbox_ApartFromTheReceiptNotice()
    {
        var (caseId, token) = await SubmitWhistleblowingAsync("purposes");
        await ReplyAsync(caseId, "We have received your report.", ReplyPurpose.Acknowledgement);
        await ReplyAsync(caseId, "A question for you.", ReplyPurpose.Message);
        await ReplyAsync(caseId, "This is what we did.", ReplyPurpose.Feedback);
        using var reporter = new ReporterClient(App);

        var (_, page) = await reporter.OpenMailboxAsync(token);

        Assert.Equal(
            ["Din rapport", "Kvitto: rapporten har kommit fram", "Mottagningsbekräftelse", "Handläggaren skrev", "Återkoppling"],
            Labels(page));
    }

    [Fact]
    public async Task ThreadForTheScript_CarriesEachReplysPurpose()
    {
        var (caseId, token) = await SubmitWhistleblowingAsync("purposes for the script");
        await ReplyAsync(caseId, "Received.", ReplyPurpose.Acknowledgement);
        await ReplyAsync(caseId, "Done.", ReplyPurpose.Feedback);
        using var reporter = new ReporterClient(App);
        Assert.Equal(MailboxTokenParseStatus.Ok, MailboxToken.TryParse(token, out var parsed));
        using var _ = parsed;
        using var keys = parsed!.DeriveKeys();
        var api = await new MailboxApiClient(reporter).LoadDoorAsync();

        using var response = await api.ThreadAsync(keys.AuthenticatorHex);

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var entries = json.RootElement.GetProperty("entries").EnumerateArray()
            .Select(e => (e.GetProperty("kind").GetString(), e.GetProperty("purpose").GetString())).ToList();
        Assert.Equal(
            [("report", "message"), ("receiptConfirmation", "message"), ("handlerMessage", "acknowledgement"), ("handlerMessage", "feedback")],
            entries);
    }

    [Fact]
    public async Task CasePage_NamesTheRepliesThatCountAsAcknowledgementAndFeedback()
    {
        var (caseId, _) = await SubmitWhistleblowingAsync("purposes for the handler");
        await ReplyAsync(caseId, "Received.", ReplyPurpose.Acknowledgement);
        await ReplyAsync(caseId, "Just a message.", ReplyPurpose.Message);
        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);

        var (_, page) = await GetAsync(handler, $"/en/Staff/Cases/{caseId}");

        var replies = page.QuerySelectorAll("#case-thread .thread-item--handlermessage");
        Assert.Equal(2, replies.Length);
        Assert.Equal("Acknowledgement of receipt", replies[0].QuerySelector(".purpose-badge")?.TextContent);
        Assert.Null(replies[1].QuerySelector(".purpose-badge"));
    }

    [Fact]
    public async Task RepliesSinceTheLastVisit_AreMarkedNewAndLinkedFromTheTop_ForTheWholeVisit()
    {
        var (caseId, token) = await SubmitWhistleblowingAsync("new since last time");
        await ReplyAsync(caseId, "First reply.", ReplyPurpose.Acknowledgement);
        using (var first = new ReporterClient(App))
        {
            var (_, page) = await first.OpenMailboxAsync(token);
            Assert.Equal(["Mottagningsbekräftelse"], NewLabels(page));
            Assert.Equal("1 nytt meddelande", page.QuerySelector(".new-items a")!.TextContent);
        }

        await ReplyAsync(caseId, "Second reply.", ReplyPurpose.Message);
        await ReplyAsync(caseId, "Third reply.", ReplyPurpose.Feedback);
        using var second = new ReporterClient(App);
        var (_, opened) = await second.OpenMailboxAsync(token);

        Assert.Equal(["Handläggaren skrev", "Återkoppling"], NewLabels(opened));
        var link = opened.QuerySelector(".new-items a")!;
        Assert.Equal("2 nya meddelanden", link.TextContent);
        var target = opened.QuerySelector(link.GetAttribute("href")!)!;
        Assert.Contains("Second reply.", target.TextContent, StringComparison.Ordinal);
        Assert.Equal("-1", target.GetAttribute("tabindex"));

        // The reporter's own message is not new to them, and the replies stay marked while the visit lasts.
        var form = opened.QuerySelector("form[enctype='multipart/form-data']")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent("My answer."), "message" },
        };
        using var sent = await second.Http.PostAsync(new Uri("/mailbox/open?handler=Message", UriKind.Relative), content);
        var after = await Html.ParseAsync(sent);
        Assert.Equal(["Handläggaren skrev", "Återkoppling"], NewLabels(after));
        Assert.Contains("My answer.", after.QuerySelector(".thread")!.TextContent, StringComparison.Ordinal);

        using var third = new ReporterClient(App);
        var (_, again) = await third.OpenMailboxAsync(token);
        Assert.Empty(NewLabels(again));
        Assert.Null(again.QuerySelector(".new-items"));
    }

    [Fact]
    public async Task LastVisit_IsKeptAsAThreadPositionPerCase_NotAsATime()
    {
        var (caseId, token) = await SubmitWhistleblowingAsync("what is kept");
        await ReplyAsync(caseId, "A reply.", ReplyPurpose.Message);
        using var reporter = new ReporterClient(App);

        await reporter.OpenMailboxAsync(token);

        var record = await RecordAsync(caseId);
        await using var scope = App.CreateScope();
        var positions = await IntakeApplicationFactory.CreateDbContext(scope).CaseEntries
            .Where(e => e.CaseId == caseId && e.ReadableByReporter).Select(e => e.Position).ToListAsync();
        Assert.Equal(positions.Max(), record.ReporterSeenPosition);
        var logs = string.Join("\n", App.Logs.RenderAll());
        Assert.DoesNotContain("/mailbox", logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThreadForTheScript_MarksRepliesNewOnlyUntilTheyWereShown()
    {
        var (caseId, token) = await SubmitWhistleblowingAsync("new for the script");
        await ReplyAsync(caseId, "A reply.", ReplyPurpose.Message);
        using var reporter = new ReporterClient(App);
        Assert.Equal(MailboxTokenParseStatus.Ok, MailboxToken.TryParse(token, out var parsed));
        using var _ = parsed;
        using var keys = parsed!.DeriveKeys();
        var api = await new MailboxApiClient(reporter).LoadDoorAsync();

        Assert.Equal([false, false, true], await NewFlagsAsync(api, keys));
        Assert.Equal([false, false, false], await NewFlagsAsync(api, keys));
    }

    private static async Task<List<bool>> NewFlagsAsync(MailboxApiClient api, MailboxKeys keys)
    {
        using var response = await api.ThreadAsync(keys.AuthenticatorHex);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("new").GetBoolean()).ToList();
    }

    /// <summary>The labels of the items marked new, each with its visible mark.</summary>
    private static List<string> NewLabels(IDocument page)
    {
        var items = page.QuerySelectorAll(".thread .thread-item--new");
        Assert.All(items, i => Assert.Equal("Nytt", i.QuerySelector(".thread-meta .new-badge")?.TextContent));
        Assert.Equal(items.Length, page.QuerySelectorAll(".thread .new-badge").Length);
        return items.Select(i => i.QuerySelector(".thread-meta")!.TextContent.Split('–', 2)[1].Trim()).ToList();
    }

    private async Task ReplyAsync(Guid caseId, string text, ReplyPurpose purpose)
    {
        await using var scope = App.CreateScope();
        using var handler = await StaffWorld.UnlockAsync(scope, StaffWorld.WhistleblowingHandler);
        await HandlerWrites.ReplyAsync(scope, caseId, handler, text, purpose);
    }

    /// <summary>Each thread item's label, without its day.</summary>
    private static List<string> Labels(IDocument page) =>
        page.QuerySelectorAll(".thread .thread-meta").Select(m => m.TextContent.Split('–', 2)[1].Trim()).ToList();
}
