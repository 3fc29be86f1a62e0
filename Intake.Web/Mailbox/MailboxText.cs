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

    public static string Kind(IStringLocalizer T, EntryKind kind) => kind switch
    {
        EntryKind.Report => T["MailboxText.Report"],
        EntryKind.ReporterMessage => T["MailboxText.Wrote"],
        EntryKind.HandlerMessage => T["MailboxText.CaseHandlerWrote"],
        EntryKind.ReceiptConfirmation => T["MailboxText.Confirmation"],
        _ => T["Common.MeetingRequest"],
    };

    public static string Unreadable(IStringLocalizer T) => T["MailboxText.ThisMessageCouldNotOpened"];

    public static string ReceiptConfirmation(IStringLocalizer T) =>
        T["MailboxText.ReportHasArrivedStoredEncrypted"];

    public static string MeetingRequested(IStringLocalizer T) =>
        T["MailboxText.AskedForMeetingCaseHandler"];

    public static string ShowReport(IStringLocalizer T) => T["MailboxText.ShowWhatReported"];

    public static string Sent(IStringLocalizer T) => T["MailboxText.MessageSentEncrypted"];

    public static string NotSent(IStringLocalizer T) => T["MailboxText.MessageHasNotBeenSent"];
}
