using Intake.Web.Cases;
using static Intake.Web.Localization.Bilingual;

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

    public static string Status(CaseStatus status) => status switch
    {
        CaseStatus.Received => L("Mottagen: rapporten har kommit fram och väntar på att läsas.", "Received: the report has arrived and is waiting to be read."),
        CaseStatus.Acknowledged => L("Bekräftad: en handläggare har tagit emot rapporten.", "Acknowledged: a case handler has taken up the report."),
        CaseStatus.UnderInvestigation => L("Utreds: handläggaren undersöker det du rapporterat.", "Being investigated: the case handler is looking into what you reported."),
        CaseStatus.FeedbackGiven => L("Återkoppling lämnad: läs handläggarens svar nedan.", "Feedback given: read the case handler's reply below."),
        _ => L("Avslutad: ärendet är avslutat.", "Closed: the case is closed."),
    };

    public static string Kind(EntryKind kind) => kind switch
    {
        EntryKind.Report => L("Din rapport", "Your report"),
        EntryKind.ReporterMessage => L("Du skrev", "You wrote"),
        EntryKind.HandlerMessage => L("Handläggaren skrev", "The case handler wrote"),
        EntryKind.ReceiptConfirmation => L("Bekräftelse", "Confirmation"),
        _ => L("Mötesförfrågan", "Meeting request"),
    };

    public static string Unreadable => L("Det här meddelandet kunde inte öppnas.", "This message could not be opened.");

    public static string ReceiptConfirmation =>
        L("Din rapport har kommit fram och sparats krypterad. Bara kanalens handläggare kan läsa den.", "Your report has arrived and is stored encrypted. Only the channel's case handlers can read it.");

    public static string MeetingRequested =>
        L("Du har bett om ett möte. Handläggaren svarar här med förslag.", "You asked for a meeting. The case handler replies here with a proposal.");

    public static string ShowReport => L("Visa det du rapporterade", "Show what you reported");

    public static string Sent => L("Ditt meddelande är skickat och krypterat.", "Your message is sent and encrypted.");

    public static string NotSent => L("Meddelandet är inte skickat än.", "The message has not been sent yet.");
}
