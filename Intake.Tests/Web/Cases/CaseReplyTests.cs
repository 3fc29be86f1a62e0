using System.Net;
using Intake.Crypto.Age;
using Intake.Crypto.Mailbox;
using Intake.Tests.Infrastructure;
using Intake.Web.Audit;
using Intake.Web.Cases;
using Intake.Web.Channels;
using Intake.Web.Localization;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Cases;

/// <summary>Replies reach the reporter's mailbox and record the law's dates; internal notes never do.</summary>
public sealed class CaseReplyTests : CaseTestBase
{
    [Fact]
    public async Task AcknowledgementFromTheReadyText_ReachesTheMailbox_AndSetsTheDeadlines()
    {
        var (caseId, token) = await SubmitWhistleblowingAsync("procurement was rigged");
        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);
        var (get, page) = await GetAsync(handler, $"/Staff/Cases/{caseId}?template={CaseReplyTemplates.Code(ChannelKinds.Whistleblowing.ReadyTexts[0], Languages.Default)}");
        var ready = page.QuerySelector("#reply-text")!.TextContent;
        Assert.Contains("ärende VB-", ready, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#purpose-acknowledgement[checked]"));

        using var sent = await handler.PostFormAsync(get, page, new()
        {
            ["ReplyText"] = ready + "\nUNIQUE-REPLY-MARK",
            ["ReplyPurpose"] = nameof(ReplyPurpose.Acknowledgement),
        }, "form[action*='handler=Reply']");

        var after = await Html.ParseAsync(sent);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.NotNull(after.QuerySelector("#status-message"));
        Assert.Contains("UNIQUE-REPLY-MARK", after.QuerySelector(".thread-item--handlermessage")!.TextContent, StringComparison.Ordinal);
        var record = await RecordAsync(caseId);
        Assert.Equal(Today, record.AcknowledgedOn);
        Assert.Equal(CaseStatus.Acknowledged, record.Status);
        Assert.Equal(Today.AddMonths(3), record.FeedbackDue);
        Assert.Equal(record.FeedbackDue, record.NextDeadline);
        Assert.Contains(await AuditOfAsync(caseId), e => e.Kind == AuditKinds.CaseReplied && e.Detail == nameof(ReplyPurpose.Acknowledgement));

        using var reporter = new ReporterClient(App);
        var (_, mailbox) = await reporter.OpenMailboxAsync(token);
        Assert.Contains("UNIQUE-REPLY-MARK", mailbox.QuerySelector(".thread")!.TextContent, StringComparison.Ordinal);
        await AssertChainIntactAsync();
    }

    [Fact]
    public async Task Feedback_SetsTheFeedbackDay_AndClosesTheDeadline()
    {
        var (caseId, _) = await SubmitWhistleblowingAsync("feedback case");
        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);

        var (response, _) = await PostAsync(handler, caseId, "Reply", ("ReplyText", "We have acted on it."), ("ReplyPurpose", nameof(ReplyPurpose.Feedback)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var record = await RecordAsync(caseId);
        Assert.Equal(Today, record.FeedbackGivenOn);
        Assert.Equal(CaseStatus.FeedbackGiven, record.Status);
        Assert.Null(record.NextDeadline);
    }

    [Fact]
    public async Task EmptyReply_IsRefusedWithAMessage_AndNothingIsSent()
    {
        var (caseId, _) = await SubmitWhistleblowingAsync("empty reply");
        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);

        var (response, page) = await PostAsync(handler, caseId, "Reply", ("ReplyText", "   "), ("ReplyPurpose", nameof(ReplyPurpose.Acknowledgement)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull(page.QuerySelector("#error-summary a[href='#reply-text']"));
        Assert.Equal("true", page.QuerySelector("#reply-text")!.GetAttribute("aria-invalid"));
        Assert.Null((await RecordAsync(caseId)).AcknowledgedOn);
        Assert.DoesNotContain(await AuditOfAsync(caseId), e => e.Kind == AuditKinds.CaseReplied);
    }

    [Fact]
    public async Task TooLongNote_KeepsWhatWasTyped()
    {
        var (caseId, _) = await SubmitWhistleblowingAsync("long note");
        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);
        var typed = "KEEPME" + new string('x', CaseReplies.MaxLength);

        var (response, page) = await PostAsync(handler, caseId, "Note", ("NoteText", typed));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(typed, page.QuerySelector("#note-text")!.TextContent);
        Assert.NotNull(page.QuerySelector("#note-text-error"));
    }

    [Fact]
    public async Task InternalNote_IsShownToHandlers_AndNeitherVisibleNorDecryptableForTheReporter()
    {
        var (caseId, token) = await SubmitWhistleblowingAsync("note case");
        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);

        var (response, page) = await PostAsync(handler, caseId, "Note", ("NoteText", "INTERNAL-ONLY-MARK suspect the deputy"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var note = page.QuerySelector(".thread-item--internalnote")!;
        Assert.Contains("INTERNAL-ONLY-MARK", note.TextContent, StringComparison.Ordinal);
        Assert.NotNull(note.QuerySelector(".internal-badge"));
        Assert.Contains(await AuditOfAsync(caseId), e => e.Kind == AuditKinds.CaseNoted);

        using var reporter = new ReporterClient(App);
        var (_, mailbox) = await reporter.OpenMailboxAsync(token);
        Assert.DoesNotContain("INTERNAL-ONLY-MARK", mailbox.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Null(mailbox.QuerySelector(".thread-item--internalnote"));

        await using var scope = App.CreateScope();
        var entry = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().CaseEntries.AsNoTracking()
            .SingleAsync(e => e.CaseId == caseId && e.Kind == EntryKind.InternalNote);
        Assert.False(entry.ReadableByReporter);
        Assert.Equal(MailboxTokenParseStatus.Ok, MailboxToken.TryParse(token, out var parsed));
        using (parsed)
        {
            using var keys = parsed!.DeriveKeys();
            Assert.ThrowsAny<AgeException>(() => AgeFile.Decrypt(entry.Sealed!, [keys.Identity]));
        }
    }
}
