using System.Globalization;
using Intake.Web.Cases;
using Intake.Web.Keys;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Intake.Web.Notifications;

/// <summary>
/// Turns due reminders into notices (to the case's assignee when it has one, else to every active handler of the
/// channel; each reminder once per person) and, from <see cref="NotificationOptions.DigestTime"/> on, writes
/// today's digest for everyone who chose one. Safe to run as often as wanted: what was written is not written again.
/// </summary>
public sealed class NoticeScan(
    IntakeDbContext db, NoticeOutbox queue, IEnumerable<IReminderSource> sources, CaseCalendar calendar,
    IOptions<NotificationOptions> options, TimeProvider clock)
{
    /// <summary>Returns the number of notices written.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        if (!queue.Enabled)
        {
            return 0;
        }

        db.ChangeTracker.Clear();
        var today = calendar.Today;
        var members = await db.ChannelMemberships.AsNoTracking().Where(m => m.State == MembershipState.Active)
            .Select(m => new { m.ChannelId, m.UserId }).ToListAsync(cancellationToken);
        var written = 0;
        foreach (var source in sources)
        {
            foreach (var reminder in await source.DueAsync(today, cancellationToken))
            {
                var channelMembers = members.Where(m => m.ChannelId == reminder.ChannelId).Select(m => m.UserId).ToList();
                IReadOnlyCollection<Guid> people = reminder.AssigneeId is { } assignee && channelMembers.Contains(assignee) ? [assignee] : channelMembers;
                var key = string.Create(CultureInfo.InvariantCulture, $"{reminder.Kind}:{reminder.CaseId:N}:{reminder.Day:yyyyMMdd}");
                written += await queue.ForPeopleAsync(people, reminder.Kind, reminder.ChannelId, reminder.CaseId, key, cancellationToken);
            }
        }

        written += await DigestsAsync(today, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return written;
    }

    private async Task<int> DigestsAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var localTime = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), calendar.Zone).TimeOfDay;
        if (localTime < options.Value.DigestTime)
        {
            return 0;
        }

        var people = await db.NotificationProfiles.AsNoTracking().Where(p => p.DailyDigest && p.Email != null)
            .Select(p => p.StaffUserId).ToListAsync(cancellationToken);
        var key = string.Create(CultureInfo.InvariantCulture, $"{NoticeKinds.Digest}:{today:yyyyMMdd}");
        return await queue.ForPeopleAsync(people, NoticeKinds.Digest, null, null, key, cancellationToken);
    }
}
