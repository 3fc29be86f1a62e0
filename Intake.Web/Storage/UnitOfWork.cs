using Intake.Web.Audit;
using Intake.Web.Cases;
using Intake.Web.Storage.Engines;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Storage;

/// <summary>
/// Saves one action: every change the action made and the audit entries it recorded, in one transaction. The
/// entries are linked into the chain here, holding the chain's allocation across every node
/// (<see cref="StorageEngine.SerializeAsync"/>), so the sequence and the previous hash are those of the entry
/// committed just before; the primary key on the sequence refuses a fork even so.
/// </summary>
public sealed class UnitOfWork(IntakeDbContext db, AuditLog audit, StorageEngine engine)
{
    public async Task SaveAsync(CancellationToken cancellationToken = default)
    {
        var pending = audit.TakePending();
        if (pending.Count == 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var chain = audit.Chain;
        await using var held = await engine.SerializeAsync(db, Allocation.AuditChain, cancellationToken);
        try
        {
            var last = await db.AuditEntries.AsNoTracking()
                .OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash })
                .FirstOrDefaultAsync(cancellationToken);
            var (sequence, hash) = (last?.Sequence ?? 0, last?.Hash ?? AuditHash.Genesis);
            foreach (var entry in pending)
            {
                chain.Link(entry, sequence, hash);
                (sequence, hash) = (entry.Sequence, entry.Hash);
                db.AuditEntries.Add(entry);
                foreach (var follower in audit.Followers)
                {
                    await follower.FollowAsync(entry, cancellationToken);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await held.CommitAsync(cancellationToken);
        }
        catch
        {
            // A failed save leaves nothing half-linked behind for a retry in the same scope.
            foreach (var entry in pending)
            {
                db.Entry(entry).State = EntityState.Detached;
            }

            throw;
        }
    }

    /// <summary>
    /// Saves an action that adds a thread entry to a case (<paramref name="entry"/>, already added to the context):
    /// the entry takes the next position of its case when it is saved. When another action took that position first,
    /// the unique index refuses the save; what the failed save added of its own (the linked audit entries and the
    /// notices that follow them) is taken back, the audit entries are recorded again, and the save is retried with
    /// the position read anew (<see cref="CaseEntryPositions"/>).
    /// </summary>
    public async Task SaveAsync(CaseEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var recorded = audit.PeekPending();
        var ownChanges = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).Select(e => e.Entity)
            .ToHashSet(ReferenceEqualityComparer.Instance);
        await CaseEntryPositions.SaveAsync(db, entry, SaveAsync, () =>
        {
            foreach (var added in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added && !ownChanges.Contains(e.Entity)).ToList())
            {
                added.State = EntityState.Detached;
            }

            audit.Restore(recorded);
        }, cancellationToken);
    }
}
