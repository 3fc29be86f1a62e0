using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Intake.Web.Storage.Engines;

/// <summary>
/// The few things that differ between database engines, kept in the storage folder so that nothing outside it
/// names one: preparing a migrated database, asking whether a table exists, making deleted content unrecoverable,
/// and serialising an allocation across every application node.
/// </summary>
public abstract class StorageEngine
{
    public abstract DatabaseProvider Provider { get; }

    /// <summary>Runs once after migrations, before the server accepts requests.</summary>
    public abstract Task PrepareAsync(IntakeDbContext db, CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="table"/> exists (on a database an older version may have created).</summary>
    public abstract Task<bool> HasTableAsync(IntakeDbContext db, string table, CancellationToken cancellationToken);

    /// <summary>
    /// After rows with sealed content were deleted: makes the engine drop the old row versions from its files as far
    /// as it can (docs/retention.md says what stays in logs, replicas and backups).
    /// </summary>
    public abstract Task ReclaimDeletedAsync(IntakeDbContext db, CancellationToken cancellationToken);

    private readonly ProcessLocks _locks = new();

    /// <summary>
    /// Takes <paramref name="allocation"/> for the work saved through <paramref name="db"/> until the scope ends: writers
    /// on this node queue on an in-process lock, then the work runs in a database transaction (the one already open,
    /// when allocations nest) in which the engine holds the allocation against every other node
    /// (<see cref="LockAsync"/>) until commit or rollback; a dead node's connection ends its transaction and lock.
    /// </summary>
    public async Task<IAllocationScope> SerializeAsync(IntakeDbContext db, Allocation allocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var held = _locks.For(allocation);
        await held.WaitAsync(cancellationToken);
        IDbContextTransaction? owned = null;
        try
        {
            if (db.Database.CurrentTransaction is null)
            {
                owned = await db.Database.BeginTransactionAsync(cancellationToken);
            }

            await LockAsync(db, allocation, cancellationToken);
            return new Scope(held, owned);
        }
        catch
        {
            if (owned is not null)
            {
                await owned.DisposeAsync();
            }

            held.Release();
            throw;
        }
    }

    /// <summary>Holds <paramref name="allocation"/> in the open transaction until it ends.</summary>
    protected abstract Task LockAsync(IntakeDbContext db, Allocation allocation, CancellationToken cancellationToken);

    /// <summary>Whether a failure opening or querying the database means it is unreachable (for the health check).</summary>
    public abstract bool IsUnreachable(Exception exception);

    private sealed class Scope(SemaphoreSlim held, IDbContextTransaction? owned) : IAllocationScope
    {
        private int _released;

        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            if (owned is not null)
            {
                await owned.CommitAsync(cancellationToken);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }

            try
            {
                if (owned is not null)
                {
                    await owned.DisposeAsync();
                }
            }
            finally
            {
                held.Release();
            }
        }
    }
}
