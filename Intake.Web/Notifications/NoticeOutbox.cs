using System.Security.Cryptography;
using Intake.Web.Accounts;
using Intake.Web.Cases;
using Intake.Web.Keys;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Intake.Web.Notifications;

/// <summary>
/// Writes notices into the outbox of the caller's <see cref="IntakeDbContext"/> without saving: the caller's own
/// SaveChanges commits them with the event that caused them, or neither. Each notice waits a random time up to
/// <see cref="NotificationOptions.MaxDelay"/>; for people who chose the daily digest it waits for the digest
/// (security notices excepted). Without a configured mail server nothing is written.
/// </summary>
public sealed class NoticeOutbox(
    IntakeDbContext db, IOptions<MailOptions> mail, IOptions<NotificationOptions> options, TimeProvider clock)
{
    /// <summary>Held for the next digest: due only when the digest row for the person is.</summary>
    public const long HeldForDigest = long.MaxValue;

    public bool Enabled => mail.Value.IsConfigured;

    /// <summary>Notices for every active handler of the channel who has a confirmed address and wants the kind.</summary>
    public async Task<int> ForChannelAsync(Guid channelId, string kind, Guid? caseId = null, Guid? except = null, CancellationToken cancellationToken = default)
    {
        if (!Enabled)
        {
            return 0;
        }

        var members = await db.ChannelMemberships.AsNoTracking()
            .Where(m => m.ChannelId == channelId && m.State == MembershipState.Active && m.UserId != except)
            .Select(m => m.UserId).ToListAsync(cancellationToken);
        return await ForPeopleAsync(members, kind, channelId, caseId, null, cancellationToken);
    }

    /// <summary>A notice to one person (security notices; a grant waiting for them).</summary>
    public async Task<int> ForPersonAsync(Guid userId, string kind, Guid? channelId = null, CancellationToken cancellationToken = default) =>
        Enabled ? await ForPeopleAsync([userId], kind, channelId, null, null, cancellationToken) : 0;

    /// <summary>
    /// Notices for the given people; with a <paramref name="dedupeKey"/> (a reminder), only for those who have
    /// not had that one yet. The key is made per person by appending the person's id.
    /// </summary>
    public async Task<int> ForPeopleAsync(
        IReadOnlyCollection<Guid> people, string kind, Guid? channelId, Guid? caseId, string? dedupeKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(people);
        if (!Enabled || people.Count == 0)
        {
            return 0;
        }

        var profiles = await db.NotificationProfiles.AsNoTracking()
            .Where(p => people.Contains(p.StaffUserId) && p.Email != null)
            .Join(db.StaffUsers.Where(u => !u.IsDisabled), p => p.StaffUserId, u => u.Id, (p, u) => new { Profile = p, u.Role })
            .ToListAsync(cancellationToken);
        var wanting = profiles
            .Where(p => p.Profile.Wants(kind) && (channelId is null || NoticeKinds.IsSecurity(kind) || p.Role == StaffRole.Handler))
            .Select(p => p.Profile).ToList();
        if (dedupeKey is not null && wanting.Count > 0)
        {
            var keys = wanting.Select(p => KeyFor(dedupeKey, p.StaffUserId)).ToList();
            var existing = await db.Outbox.AsNoTracking().Where(n => keys.Contains(n.DedupeKey!)).Select(n => n.DedupeKey).ToListAsync(cancellationToken);
            var pending = db.ChangeTracker.Entries<OutboxNotice>().Select(e => e.Entity.DedupeKey).ToHashSet(StringComparer.Ordinal);
            wanting = wanting.Where(p => !existing.Contains(KeyFor(dedupeKey, p.StaffUserId)) && !pending.Contains(KeyFor(dedupeKey, p.StaffUserId))).ToList();
        }

        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var profile in wanting)
        {
            db.Outbox.Add(new OutboxNotice
            {
                Id = Guid.NewGuid(),
                RecipientId = profile.StaffUserId,
                Kind = kind,
                ChannelId = channelId,
                CaseId = caseId,
                DedupeKey = dedupeKey is null ? null : KeyFor(dedupeKey, profile.StaffUserId),
                CreatedAtMs = now,
                DueAtMs = profile.DailyDigest && !NoticeKinds.IsSecurity(kind) && kind != NoticeKinds.Digest ? HeldForDigest : now + RandomDelayMs(),
                NextAttemptAtMs = now,
                State = OutboxState.Waiting,
            });
        }

        return wanting.Count;
    }

    private long RandomDelayMs()
    {
        var max = (long)options.Value.MaxDelay.TotalMilliseconds;
        return max <= 0 ? 0 : RandomNumberGenerator.GetInt32(0, (int)Math.Min(max, int.MaxValue - 1) + 1);
    }

    private static string KeyFor(string dedupeKey, Guid person) => dedupeKey + ":" + person.ToString("N");
}
