using Intake.Web.Cases;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Intake.Web.Notifications;

/// <summary>One outbox row as the administrator sees it: who, what kind, when, how often tried, the failure class.</summary>
public sealed record OutboxRow(
    string Recipient, string Kind, string? ChannelCode, OutboxState State, DateTimeOffset Created, DateTimeOffset? NextAttempt, int Attempts, string? LastError);

public sealed record OutboxSummary(bool MailConfigured, bool LinksConfigured, int Waiting, int Failing, int Failed, int Sent, IReadOnlyList<OutboxRow> Rows);

/// <summary>The administrator's view of the outbox: notices waiting or failed, newest first. Nothing of a case.</summary>
public sealed class OutboxOverview(IntakeDbContext db, CaseCalendar calendar, IOptions<MailOptions> mail, IOptions<NotificationOptions> options)
{
    public const int Shown = 200;

    public async Task<OutboxSummary> GetAsync(CancellationToken cancellationToken = default)
    {
        var counts = await db.Outbox.AsNoTracking().GroupBy(n => n.State)
            .Select(g => new { State = g.Key, Count = g.Count(), Failing = g.Count(n => n.Attempts > 0) })
            .ToListAsync(cancellationToken);
        int Count(OutboxState state) => counts.Where(c => c.State == state).Sum(c => c.Count);
        var failing = counts.Where(c => c.State is OutboxState.Waiting or OutboxState.Sending).Sum(c => c.Failing);
        var rows = await db.Outbox.AsNoTracking()
            .Where(n => n.State == OutboxState.Waiting || n.State == OutboxState.Sending || n.State == OutboxState.Failed)
            .OrderByDescending(n => n.CreatedAtMs).Take(Shown)
            .Join(db.StaffUsers, n => n.RecipientId, u => u.Id, (n, u) => new { n, u.Username })
            .GroupJoin(db.Channels, x => x.n.ChannelId, c => c.Id, (x, c) => new { x.n, x.Username, Channels = c })
            .SelectMany(x => x.Channels.DefaultIfEmpty(), (x, c) => new { x.n, x.Username, Code = c == null ? null : c.Code })
            .ToListAsync(cancellationToken);
        return new OutboxSummary(
            mail.Value.IsConfigured,
            options.Value.PublicUrl is not null,
            Count(OutboxState.Waiting) + Count(OutboxState.Sending),
            failing,
            Count(OutboxState.Failed),
            Count(OutboxState.Sent),
            rows.Select(r => new OutboxRow(
                r.Username, r.n.Kind, r.Code, r.n.State, Local(r.n.CreatedAtMs),
                r.n.State == OutboxState.Failed || r.n.DueAtMs == NoticeOutbox.HeldForDigest ? null : Local(Math.Max(r.n.DueAtMs, r.n.NextAttemptAtMs)),
                r.n.Attempts, r.n.LastError)).ToList());
    }

    private DateTimeOffset Local(long unixMs) => TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(unixMs), calendar.Zone);
}
