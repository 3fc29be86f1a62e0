using System.Security.Cryptography;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Audit;

/// <summary>
/// Something that acts on audited events in the same transaction as the entry (for example the security notices
/// a person is sent when their account changes): it adds to the context and must not save.
/// </summary>
public interface IAuditFollower
{
    Task FollowAsync(AuditEntry entry, CancellationToken cancellationToken);
}

/// <summary>Appends to and verifies the hash-chained audit log.</summary>
public sealed class AuditLog(IntakeDbContext db, TimeProvider clock, IEnumerable<IAuditFollower> followers)
{
    // One writer at a time computes the next link; SQLite serialises the commits themselves.
    private static readonly SemaphoreSlim _appendLock = new(1, 1);

    /// <summary>
    /// Adds an entry to the context and saves it, together with whatever else the context holds, in one
    /// transaction: the event and the change it records commit or fail together.
    /// </summary>
    public async Task AppendAsync(
        string kind, Guid? actorId = null, Guid? subjectId = null, Guid? channelId = null, string? detail = null,
        CancellationToken cancellationToken = default)
    {
        await _appendLock.WaitAsync(cancellationToken);
        try
        {
            var last = await db.AuditEntries.AsNoTracking()
                .OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash })
                .FirstOrDefaultAsync(cancellationToken);
            var entry = new AuditEntry
            {
                Sequence = (last?.Sequence ?? 0) + 1,
                OccurredAt = clock.GetUtcNow(),
                Kind = kind,
                ActorId = actorId,
                SubjectId = subjectId,
                ChannelId = channelId,
                Detail = detail,
                PreviousHash = last?.Hash ?? AuditHash.Genesis,
            };
            entry.Hash = AuditHash.Compute(entry, entry.PreviousHash);
            db.AuditEntries.Add(entry);
            foreach (var follower in followers)
            {
                await follower.FollowAsync(entry, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            _appendLock.Release();
        }
    }

    /// <summary>Recomputes the whole chain in order and reports the first entry where it breaks.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var previous = AuditHash.Genesis;
        long expectedSequence = 1;
        long count = 0;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (entry.Sequence != expectedSequence)
            {
                return AuditVerification.Broken(count, expectedSequence, "missing entry");
            }

            if (!CryptographicOperations.FixedTimeEquals(entry.PreviousHash, previous))
            {
                return AuditVerification.Broken(count, entry.Sequence, "previous hash does not match");
            }

            var recomputed = AuditHash.Compute(entry, previous);
            if (!CryptographicOperations.FixedTimeEquals(recomputed, entry.Hash))
            {
                return AuditVerification.Broken(count, entry.Sequence, "entry was altered");
            }

            previous = entry.Hash;
            expectedSequence++;
            count++;
        }

        return AuditVerification.Intact(count);
    }
}

/// <summary>The outcome of a chain verification: intact with a count, or broken at a sequence number.</summary>
public sealed record AuditVerification(bool IsIntact, long VerifiedEntries, long? BrokenAt, string? Reason)
{
    public static AuditVerification Intact(long count) => new(true, count, null, null);

    public static AuditVerification Broken(long verified, long at, string reason) => new(false, verified, at, reason);
}
