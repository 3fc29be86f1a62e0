using System.Text.Json;
using AngleSharp.Dom;
using Intake.Crypto.Mailbox;
using Intake.Tests.Infrastructure;
using Intake.Tests.Web.Cases;
using Intake.Web.Cases;

namespace Intake.Tests.Web.Reporting;

/// <summary>
/// What the mailbox's thread says about its items without JavaScript and to the page's script: the legal
/// acknowledgement and the feedback are named as such, apart from the automatic receipt notice.
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
