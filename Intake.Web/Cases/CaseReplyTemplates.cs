using System.Globalization;
using Microsoft.Extensions.Options;

namespace Intake.Web.Cases;

/// <summary>A ready text the handler can start a reply from, and what the reply then counts as.</summary>
public sealed record ReplyTemplate(string Code, ReplyPurpose Purpose, bool English, string Text);

/// <summary>
/// Ready texts for the two replies the whistleblowing act requires, in Swedish and in English whatever the
/// page's language, since the reporter may write in either: the acknowledgement of receipt (what happens next
/// and when feedback comes) and the feedback. The handler edits them before sending.
/// </summary>
public sealed class CaseReplyTemplates(CaseCalendar calendar, IOptions<CaseOptions> options)
{
    public const string AcknowledgementSv = "acknowledgement-sv";
    public const string AcknowledgementEn = "acknowledgement-en";
    public const string FeedbackSv = "feedback-sv";
    public const string FeedbackEn = "feedback-en";

    public static IReadOnlyList<string> Codes { get; } = [AcknowledgementSv, AcknowledgementEn, FeedbackSv, FeedbackEn];

    public ReplyTemplate? For(string? code, CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var acknowledged = record.AcknowledgedOn ?? calendar.Today;
        var feedbackBy = Day(acknowledged.AddMonths(options.Value.FeedbackMonths));
        var received = Day(record.ReceivedOn);
        var number = record.CaseNumber;
        return code switch
        {
            AcknowledgementSv => new(code, ReplyPurpose.Acknowledgement, false,
                $"Hej!\n\nVi bekräftar att vi den {received} har tagit emot din rapport, ärende {number}. " +
                "Den hanteras bara av kanalens utsedda handläggare, som är självständiga i sitt arbete och har tystnadsplikt.\n\n" +
                "Vi går nu igenom det du har berättat och bedömer vilka åtgärder som behövs. Vi kan behöva ställa frågor till dig här i brevlådan, " +
                "så logga gärna in med din kod då och då.\n\n" +
                $"Du får återkoppling om vilka åtgärder som vidtagits eller planeras senast {feedbackBy}.\n\nMed vänlig hälsning\nHandläggaren"),
            AcknowledgementEn => new(code, ReplyPurpose.Acknowledgement, true,
                $"Hello,\n\nWe confirm that on {received} we received your report, case {number}. " +
                "Only the channel's appointed case handlers deal with it; they are independent in their work and bound by secrecy.\n\n" +
                "We are now going through what you told us and assessing what needs to be done. We may need to ask you questions here in the mailbox, " +
                "so please sign in with your code now and then.\n\n" +
                $"You will hear from us about the measures taken or planned no later than {feedbackBy}.\n\nKind regards\nThe case handler"),
            FeedbackSv => new(code, ReplyPurpose.Feedback, false,
                $"Hej!\n\nHär kommer vår återkoppling i ärende {number}.\n\n" +
                "Vi har utrett det du rapporterade. [Beskriv vilka åtgärder som vidtagits eller planeras, och varför.]\n\n" +
                "Av hänsyn till sekretess och till de personer som berörs kan vi inte alltid berätta allt. " +
                "Du kan fortfarande skriva till oss här i brevlådan.\n\nMed vänlig hälsning\nHandläggaren"),
            FeedbackEn => new(code, ReplyPurpose.Feedback, true,
                $"Hello,\n\nHere is our feedback on case {number}.\n\n" +
                "We have looked into what you reported. [Describe the measures taken or planned, and why.]\n\n" +
                "Out of regard for secrecy and for the people concerned we cannot always tell you everything. " +
                "You can still write to us here in the mailbox.\n\nKind regards\nThe case handler"),
            _ => null,
        };
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
