using Intake.Web.Cases;
using Intake.Web.Channels;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Notifications;

/// <summary>
/// The threats channel's deadlines as its kind's rules (<see cref="ThreatDeadlineRules"/>) list them, once they are
/// due: the same-day Arbetsmiljöverket decision for a serious incident and the report after a "yes", and the
/// Försäkringskassan report for an injury, every day until recorded (the statutes say "without delay" and
/// "immediately"); the first contact a named reporter asked for, on its day and once overdue; the follow-up date,
/// once; and each planned measure's due date, on the day and once overdue. Only cases whose earliest open deadline
/// (<see cref="CaseRecord.NextDeadline"/>) has come are read, so the scan stays small however many cases there are.
/// </summary>
public sealed class ThreatDeadlineReminders(IntakeDbContext db, CaseDeadlines deadlines) : IReminderSource
{
    public async Task<IReadOnlyList<Reminder>> DueAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var kind = ChannelKinds.Threat;
        var channels = db.Channels.Where(c => c.Code == kind.Code).Select(c => c.Id);
        var cases = await db.Cases.AsNoTracking()
            .Where(c => channels.Contains(c.ChannelId) && c.DisposedOn == null && c.Status != CaseStatus.Closed)
            .Where(c => c.NextDeadline != null && c.NextDeadline <= today)
            .ToListAsync(cancellationToken);
        if (cases.Count == 0)
        {
            return [];
        }

        var ids = cases.Select(c => c.Id).ToList();
        var measures = (await db.CaseMeasures.AsNoTracking()
            .Where(m => ids.Contains(m.CaseId) && m.Status == MeasureStatus.Planned && m.DueOn != null)
            .ToListAsync(cancellationToken)).ToLookup(m => m.CaseId);
        var reminders = new List<Reminder>();
        foreach (var record in cases)
        {
            foreach (var deadline in deadlines.Apply(record, kind, [.. measures[record.Id]]).Where(d => d.Due <= today))
            {
                var (noticeKind, day) = NoticeFor(deadline, today);
                reminders.Add(new Reminder(noticeKind, record.ChannelId, record.Id, record.AssigneeId, day));
            }
        }

        return [.. reminders.Distinct()];
    }

    /// <summary>The notice for a deadline that has come, and the day it is about (today for a daily reminder).</summary>
    private static (string Kind, DateOnly Day) NoticeFor(DueDeadline deadline, DateOnly today) => deadline.Kind switch
    {
        DeadlineKinds.WorkEnvironmentDecision => (NoticeKinds.WorkEnvironmentDecisionPending, today),
        DeadlineKinds.WorkEnvironmentReport => (NoticeKinds.WorkEnvironmentReportPending, today),
        DeadlineKinds.SocialInsuranceReport => (NoticeKinds.SocialInsuranceReportPending, today),
        DeadlineKinds.FirstContact => (deadline.Due < today ? NoticeKinds.FirstContactOverdue : NoticeKinds.FirstContactDue, deadline.Due),
        DeadlineKinds.FollowUp => (NoticeKinds.FollowUpReached, deadline.Due),
        DeadlineKinds.Measure => (deadline.Due < today ? NoticeKinds.MeasureOverdue : NoticeKinds.MeasureDue, deadline.Due),
        _ => throw new InvalidOperationException("The threats channel has no notice for the deadline kind " + deadline.Kind),
    };
}
