using Intake.Web.Cases;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Mailbox;

/// <summary>
/// The mailbox's words, in the request's language: the server page shows them, and the page gives the same words
/// to the script (the mailbox template's data attributes), so both ways of opening the mailbox read alike.
/// </summary>
public static class MailboxText
{
    public static IReadOnlyList<CaseStatus> Statuses { get; } = Enum.GetValues<CaseStatus>();

    /// <summary>The entry kinds the reporter can see.</summary>
    public static IReadOnlyList<EntryKind> ReaderKinds { get; } =
        [EntryKind.Report, EntryKind.ReporterMessage, EntryKind.HandlerMessage, EntryKind.ReceiptConfirmation, EntryKind.MeetingRequest];

    /// <summary>
    /// The case's status in words; a closed case says how it ended (<paramref name="outcome"/>, a
    /// <see cref="CaseOutcomes"/> code) and what the reporter can still do.
    /// </summary>
    public static string Status(IStringLocalizer T, CaseStatus status, string? outcome = null) => status switch
    {
        CaseStatus.Received => T["MailboxText.ReceivedReportHasArrivedWaiting"],
        CaseStatus.Acknowledged => T["MailboxText.AcknowledgedCaseHandlerHasTaken"],
        CaseStatus.UnderInvestigation => T["MailboxText.BeingInvestigatedCaseHandlerLooking"],
        CaseStatus.FeedbackGiven => T["MailboxText.FeedbackGivenReadCaseHandlers"],
        _ => string.Join(" ", new[] { T["MailboxText.Closed"].Value, Outcome(T, outcome), T["MailboxText.ClosedStillCan"].Value }.Where(s => s.Length > 0)),
    };

    /// <summary>How a closed case ended, in the reporter's words; empty for no or an unknown outcome.</summary>
    public static string Outcome(IStringLocalizer T, string? outcome) =>
        outcome is not null && CaseOutcomes.All.Contains(outcome, StringComparer.Ordinal) ? T["MailboxText.Outcome." + outcome] : string.Empty;

    /// <summary>
    /// What an item of the thread is: a handler's reply that counts as the legal acknowledgement or the feedback
    /// says so, apart from the automatic receipt notice.
    /// </summary>
    public static string Kind(IStringLocalizer T, EntryKind kind, ReplyPurpose purpose = ReplyPurpose.Message) => (kind, purpose) switch
    {
        (EntryKind.HandlerMessage, ReplyPurpose.Acknowledgement or ReplyPurpose.Feedback) => Purpose(T, purpose),
        (EntryKind.Report, _) => T["MailboxText.Report"],
        (EntryKind.ReporterMessage, _) => T["MailboxText.Wrote"],
        (EntryKind.HandlerMessage, _) => T["MailboxText.CaseHandlerWrote"],
        (EntryKind.ReceiptConfirmation, _) => T["MailboxText.Confirmation"],
        _ => T["Common.MeetingRequest"],
    };

    /// <summary>The name of a reply's purpose; empty for a plain message.</summary>
    public static string Purpose(IStringLocalizer T, ReplyPurpose purpose) => purpose switch
    {
        ReplyPurpose.Acknowledgement => T["MailboxText.Purpose.Acknowledgement"],
        ReplyPurpose.Feedback => T["MailboxText.Purpose.Feedback"],
        _ => string.Empty,
    };

    /// <summary>The reply purposes that have a name of their own (<see cref="Purpose"/>).</summary>
    public static IReadOnlyList<ReplyPurpose> NamedPurposes { get; } = [ReplyPurpose.Acknowledgement, ReplyPurpose.Feedback];

    /// <summary>The mark of an item added since the reporter's last visit.</summary>
    public static string New(IStringLocalizer T) => T["MailboxText.New"];

    /// <summary>The link to the first new item: "1 new message", "2 new messages".</summary>
    public static string NewCount(IStringLocalizer T, int count) => count == 1
        ? T["MailboxText.NewCount.One"]
        : T["MailboxText.NewCount.Many", count];

    public static string Unreadable(IStringLocalizer T) => T["MailboxText.ThisMessageCouldNotOpened"];

    public static string ReceiptConfirmation(IStringLocalizer T) =>
        T["MailboxText.ReportHasArrivedStoredEncrypted"];

    public static string MeetingRequested(IStringLocalizer T) =>
        T["MailboxText.AskedForMeetingCaseHandler"];

    public static string ShowReport(IStringLocalizer T) => T["MailboxText.ShowWhatReported"];

    public static string Sent(IStringLocalizer T) => T["MailboxText.MessageSentEncrypted"];

    public static string NotSent(IStringLocalizer T) => T["MailboxText.MessageHasNotBeenSent"];
}
