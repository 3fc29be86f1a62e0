using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Storage.Engines;

/// <summary>
/// PostgreSQL, shared by any number of application nodes. An allocation is a transaction-scoped advisory lock
/// (<c>pg_advisory_xact_lock</c>): every node's writer of the same allocation waits for the one before it to commit
/// or roll back, and the lock cannot outlive a dead node's connection. Nested allocations join the transaction
/// already open. After disposal, <c>VACUUM</c> removes the deleted row versions from the tables.
/// </summary>
public sealed class PostgresEngine : StorageEngine
{
    // Advisory lock keys: "Intake" in ASCII in the high bytes, the allocation in the low byte.
    private const long LockKeyBase = 0x496E74616B6500;

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSQL;

    public override Task PrepareAsync(IntakeDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    public override async Task<bool> HasTableAsync(IntakeDbContext db, string table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var count = await db.Database
            .SqlQuery<long>($"SELECT COUNT(*) AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = {table}")
            .SingleAsync(cancellationToken);
        return count > 0;
    }

    public override async Task ReclaimDeletedAsync(IntakeDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        foreach (var statement in _vacuumSealedContent)
        {
            // VACUUM cannot run inside a transaction; each statement here runs on its own.
            await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
        }
    }

    /// <summary>The tables whose rows hold sealed content or its traces, vacuumed after disposal.</summary>
    private static readonly string[] _vacuumSealedContent =
        ["VACUUM \"CaseEntries\"", "VACUUM \"CaseAttachments\"", "VACUUM \"CaseMeasures\"", "VACUUM \"Cases\"", "VACUUM \"NotificationOutbox\""];

    protected override async Task LockAsync(IntakeDbContext db, Allocation allocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = LockKeyBase + (long)allocation;
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken);
    }

    public override bool IsUnreachable(Exception exception) =>
        exception is DbException or InvalidOperationException or IOException or TimeoutException;
}
