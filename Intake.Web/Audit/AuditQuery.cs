using Intake.Web.Accounts;
using Intake.Web.Cases;
using Intake.Web.Keys;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Audit;

/// <summary>
/// The audit entries one staff member may see. A handler sees the events of the channels they are an active
/// member of, and their own account's events; an administrator sees staff, key and set-up events and no case
/// event (which case was opened, printed or revealed by whom is for the channel's handlers).
/// </summary>
public sealed class AuditQuery(IntakeDbContext db, CaseCalendar calendar)
{
    private const string CasePrefix = "case.";

    public async Task<IReadOnlyList<AuditRow>> LatestForAsync(Guid viewerId, StaffRole role, int count, CancellationToken cancellationToken = default)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (role == StaffRole.Administrator)
        {
            entries = entries.Where(e => !e.Kind.StartsWith(CasePrefix));
        }
        else
        {
            var channels = await db.ChannelMemberships.AsNoTracking()
                .Where(m => m.UserId == viewerId && m.State == MembershipState.Active)
                .Select(m => m.ChannelId).ToListAsync(cancellationToken);
            entries = entries.Where(e => (e.ChannelId != null && channels.Contains(e.ChannelId.Value))
                || (e.ChannelId == null && (e.ActorId == viewerId || e.SubjectId == viewerId)));
        }

        var latest = await entries.OrderByDescending(e => e.Sequence).Take(count).ToListAsync(cancellationToken);
        var names = await db.StaffUsers.AsNoTracking()
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName.Length > 0 ? $"{u.DisplayName} ({u.Username})" : u.Username, cancellationToken);
        var codes = await db.Channels.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Code, cancellationToken);
        var caseIds = latest.Where(e => e.Kind.StartsWith(CasePrefix, StringComparison.Ordinal)).Select(e => e.SubjectId).OfType<Guid>().Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.CaseNumber, cancellationToken);
        return latest.Select(e => new AuditRow(
            e.Sequence, TimeZoneInfo.ConvertTime(e.OccurredAt, calendar.Zone), e.Kind,
            e.ActorId is { } a ? names.GetValueOrDefault(a) : null,
            e.SubjectId is { } s ? cases.GetValueOrDefault(s) ?? names.GetValueOrDefault(s) : null,
            e.ChannelId is { } c ? codes.GetValueOrDefault(c) : null,
            e.Detail,
            AuditWords.PersonIn(e.Detail) is { } p ? names.GetValueOrDefault(p) : null)).ToList();
    }
}

/// <summary>An audit entry as shown: local time, people by name, a case by its number, the channel by its code.</summary>
public sealed record AuditRow(long Sequence, DateTimeOffset OccurredAt, string Kind, string? Actor, string? Subject, string? ChannelCode, string? Detail, string? Person);
