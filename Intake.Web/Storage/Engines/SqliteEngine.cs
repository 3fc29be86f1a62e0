using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Storage.Engines;

/// <summary>
/// The embedded engine: one database file, normally used by one application process. An allocation's transaction
/// begins with <c>BEGIN IMMEDIATE</c> (Microsoft.Data.Sqlite's default), so it holds the file's write lock, which
/// also keeps a second process on the same file (a command run beside the service) from allocating the same value. WAL journaling; deleted content is overwritten
/// (<c>secure_delete</c>, <see cref="SqlitePragmaInterceptor"/>) and the WAL truncated after disposal.
/// </summary>
public sealed class SqliteEngine : StorageEngine
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override async Task PrepareAsync(IntakeDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
    }

    public override async Task<bool> HasTableAsync(IntakeDbContext db, string table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var count = await db.Database
            .SqlQuery<long>($"SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = {table}")
            .SingleAsync(cancellationToken);
        return count > 0;
    }

    /// <summary>Copies the WAL into the database file and truncates it, so no older page version stays in it.</summary>
    public override async Task ReclaimDeletedAsync(IntakeDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
    }

    /// <summary>The transaction began with <c>BEGIN IMMEDIATE</c>, which holds the database's one write lock already.</summary>
    protected override Task LockAsync(IntakeDbContext db, Allocation allocation, CancellationToken cancellationToken) => Task.CompletedTask;

    public override bool IsUnreachable(Exception exception) =>
        exception is SqliteException or InvalidOperationException or IOException;
}
