using Intake.Web.Audit;
using Intake.Web.Keys;

namespace Intake.Web.Cases;

/// <summary>What a reply to the reporter also records: nothing, the legal acknowledgement, or the feedback.</summary>
public enum ReplyPurpose
{
    Message = 0,
    Acknowledgement = 1,
    Feedback = 2,
}

/// <summary>
/// A handler writes in a case: replies to the reporter (sealed to the channel and the mailbox), which may count as
/// the acknowledgement of receipt or the feedback the law requires, and internal notes (sealed to the channel
/// only). Each is audited with the kind of reply, never its text.
/// </summary>
public sealed class CaseReplies(CaseMessages messages, CaseDeadlines deadlines, CaseCalendar calendar, AuditLog audit)
{
    public const int MaxLength = 20000;

    public async Task ReplyAsync(CaseRecord record, UnlockedKeyring keyring, string text, ReplyPurpose purpose, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(keyring);
        var today = calendar.Today;
        if (purpose == ReplyPurpose.Acknowledgement)
        {
            record.AcknowledgedOn ??= today;
            SetStatusUnlessClosed(record, CaseStatus.Acknowledged);
        }
        else if (purpose == ReplyPurpose.Feedback)
        {
            record.FeedbackGivenOn ??= today;
            SetStatusUnlessClosed(record, CaseStatus.FeedbackGiven);
        }

        deadlines.Apply(record);
        // The record is tracked by the same context: the message and the new dates are saved together.
        await messages.ReplyAsync(record.Id, keyring, text.Trim(), cancellationToken);
        await audit.AppendAsync(AuditKinds.CaseReplied, keyring.UserId, record.Id, record.ChannelId, purpose.ToString(), cancellationToken);
    }

    public async Task NoteAsync(CaseRecord record, UnlockedKeyring keyring, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(keyring);
        await messages.NoteAsync(record.Id, keyring, text.Trim(), cancellationToken);
        await audit.AppendAsync(AuditKinds.CaseNoted, keyring.UserId, record.Id, record.ChannelId, cancellationToken: cancellationToken);
    }

    private static void SetStatusUnlessClosed(CaseRecord record, CaseStatus status)
    {
        if (record.Status != CaseStatus.Closed)
        {
            record.Status = status;
        }
    }
}
