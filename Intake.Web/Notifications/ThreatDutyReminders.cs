using Intake.Web.Cases;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Notifications;

/// <summary>
/// The threats channel's duties that the triage records in clear: a serious incident marked for
/// Arbetsmiljöverket and not yet reported (every day until it is), and a follow-up date reached (once per date).
/// Measures with due dates belong to the threats workflow and come as a source of their own
/// (<see cref="IReminderSource"/>).
/// </summary>
public sealed class ThreatDutyReminders(IntakeDbContext db) : IReminderSource
{
    public async Task<IReadOnlyList<Reminder>> DueAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var open = db.Cases.AsNoTracking().Where(c => c.DisposedOn == null && c.Status != CaseStatus.Closed);
        var pending = await open.Where(c => c.WorkEnvironmentReportNeeded && c.WorkEnvironmentReportedOn == null)
            .Select(c => new { c.Id, c.ChannelId, c.AssigneeId }).ToListAsync(cancellationToken);
        var followUps = await open.Where(c => c.FollowUpOn != null && c.FollowUpOn <= today)
            .Select(c => new { c.Id, c.ChannelId, c.AssigneeId, Day = c.FollowUpOn!.Value }).ToListAsync(cancellationToken);
        return
        [
            .. pending.Select(c => new Reminder(NoticeKinds.WorkEnvironmentReportPending, c.ChannelId, c.Id, c.AssigneeId, today)),
            .. followUps.Select(c => new Reminder(NoticeKinds.FollowUpReached, c.ChannelId, c.Id, c.AssigneeId, c.Day)),
        ];
    }
}
