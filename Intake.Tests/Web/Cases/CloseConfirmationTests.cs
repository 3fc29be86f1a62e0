using System.Net;
using Intake.Tests.Infrastructure;
using Intake.Web.Audit;
using Intake.Web.Cases;

namespace Intake.Tests.Web.Cases;

/// <summary>Closing a whistleblowing case without acknowledgement or feedback asks first and offers a closing message.</summary>
public sealed class CloseConfirmationTests : CaseTestBase
{
    private static readonly (string, string)[] _close = [("NewStatus", nameof(CaseStatus.Closed)), ("Outcome", CaseOutcomes.MeasuresTaken)];

    [Fact]
    public async Task Closing_WithoutAcknowledgementOrFeedback_AsksFirst_AndTheClosingMessageReachesTheMailboxAsFeedback()
    {
        var (caseId, token) = await SubmitWhistleblowingAsync("close without a word");
        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);

        var (asked, page) = await PostAsync(handler, caseId, "Status", _close);

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var confirmation = page.QuerySelector("#close-confirmation")!;
        Assert.Equal(2, confirmation.QuerySelectorAll("li").Length);
        Assert.Contains("bekräftelse", confirmation.TextContent, StringComparison.Ordinal);
        Assert.Contains("återkoppling", confirmation.TextContent, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("#closing-message")!.TextContent));
        Assert.Equal(CaseOutcomes.MeasuresTaken, page.QuerySelector("#close-confirmation-form input[name=Outcome]")!.GetAttribute("value"));
        Assert.Equal(CaseStatus.Received, (await RecordAsync(caseId)).Status);

        const string Closing = "We looked into it and took measures; the case is closed.";
        var (closed, after) = await PostAsync(handler, caseId, "Status", [.. _close, ("ConfirmClose", "true"), ("ClosingMessage", Closing)]);

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.NotNull(after.QuerySelector("#status-message"));
        var record = await RecordAsync(caseId);
        Assert.Equal(CaseStatus.Closed, record.Status);
        Assert.Equal(Today, record.FeedbackGivenOn);
        Assert.Null(record.AcknowledgedOn);
        Assert.Contains(Closing, after.QuerySelector("#case-thread")!.TextContent, StringComparison.Ordinal);

        using var reporter = new ReporterClient(App);
        var (_, mailbox) = await reporter.OpenMailboxAsync(token);
        Assert.Contains(Closing, mailbox.Body!.TextContent, StringComparison.Ordinal);
        var audit = await AuditOfAsync(caseId);
        Assert.Contains(audit, e => e.Kind == AuditKinds.CaseReplied && e.Detail == nameof(ReplyPurpose.Feedback));
        Assert.Contains(audit, e => e.Kind == AuditKinds.CaseStatusChanged && e.Detail == "Closed:measures-taken");
        await AssertChainIntactAsync();
    }

    [Fact]
    public async Task Closing_Confirmed_WithTheMessageEmptied_ClosesWithoutAMessage()
    {
        var (caseId, _) = await SubmitWhistleblowingAsync("close quietly");
        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);

        await PostAsync(handler, caseId, "Status", [.. _close, ("ConfirmClose", "true"), ("ClosingMessage", "  ")]);

        var record = await RecordAsync(caseId);
        Assert.Equal(CaseStatus.Closed, record.Status);
        Assert.Null(record.FeedbackGivenOn);
        Assert.DoesNotContain(await AuditOfAsync(caseId), e => e.Kind == AuditKinds.CaseReplied);
    }

    [Fact]
    public async Task Closing_AfterAcknowledgementAndFeedback_DoesNotAsk_AndATooLongMessageKeepsWhatWasTyped()
    {
        var (caseId, _) = await SubmitWhistleblowingAsync("answered case");
        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);
        var tooLong = new string('x', CaseReplies.MaxLength + 1);

        var (refused, again) = await PostAsync(handler, caseId, "Status", [.. _close, ("ConfirmClose", "true"), ("ClosingMessage", tooLong)]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.NotNull(again.QuerySelector("#closing-message-error"));
        Assert.Equal(tooLong, again.QuerySelector("#closing-message")!.TextContent);
        Assert.Equal(CaseStatus.Received, (await RecordAsync(caseId)).Status);

        await PostAsync(handler, caseId, "Status", ("NewStatus", nameof(CaseStatus.Acknowledged)));
        await PostAsync(handler, caseId, "Status", ("NewStatus", nameof(CaseStatus.FeedbackGiven)));
        var (closed, page) = await PostAsync(handler, caseId, "Status", _close);

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Null(page.QuerySelector("#close-confirmation"));
        Assert.Equal(CaseStatus.Closed, (await RecordAsync(caseId)).Status);
    }

    [Fact]
    public async Task Closing_AThreatCase_NeverAsksAboutTheWhistleblowingAct()
    {
        var (caseId, _) = await SubmitThreatAsync("threat case");
        using var handler = await SignInAsync(StaffWorld.ThreatHandler);

        var (_, page) = await PostAsync(handler, caseId, "Status", ("NewStatus", nameof(CaseStatus.Closed)), ("Outcome", CaseOutcomes.SupportGiven));

        Assert.Null(page.QuerySelector("#close-confirmation"));
    }
}
