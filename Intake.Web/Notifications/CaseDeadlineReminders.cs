using Intake.Web.Cases;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Intake.Web.Notifications;

/// <summary>
/// The whistleblowing act's deadlines, from the clear deadline columns of open cases: the acknowledgement due in
/// <see cref="NotificationOptions.AcknowledgementReminderDays"/> days and overdue, the feedback due in
/// <see cref="NotificationOptions.FeedbackReminderDays"/> days and overdue.
/// </summary>
public sealed class CaseDeadlineReminders(IntakeDbContext db, IOptions<NotificationOptions> options) : IReminderSource
{
    public async Task<IReadOnlyList<Reminder>> DueAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var acknowledgementHorizon = today.AddDays(options.Value.AcknowledgementReminderDays);
        var feedbackHorizon = today.AddDays(options.Value.FeedbackReminderDays);
        var open = db.Cases.AsNoTracking().Where(c => c.DisposedOn == null && c.NextDeadline != null);
        var acknowledgements = await open
            .Where(c => c.AcknowledgementDue != null && c.AcknowledgedOn == null && c.AcknowledgementDue <= acknowledgementHorizon)
            .Select(c => new { c.Id, c.ChannelId, c.AssigneeId, Due = c.AcknowledgementDue!.Value })
            .ToListAsync(cancellationToken);
        var feedback = await open
            .Where(c => c.FeedbackGivenOn == null && c.Status != CaseStatus.FeedbackGiven && c.FeedbackDue != null && c.FeedbackDue <= feedbackHorizon)
            .Select(c => new { c.Id, c.ChannelId, c.AssigneeId, Due = c.FeedbackDue!.Value })
            .ToListAsync(cancellationToken);
        return
        [
            .. acknowledgements.Select(c => new Reminder(
                c.Due < today ? NoticeKinds.AcknowledgementOverdue : NoticeKinds.AcknowledgementSoon, c.ChannelId, c.Id, c.AssigneeId, c.Due)),
            .. feedback.Select(c => new Reminder(
                c.Due < today ? NoticeKinds.FeedbackOverdue : NoticeKinds.FeedbackSoon, c.ChannelId, c.Id, c.AssigneeId, c.Due)),
        ];
    }
}
