using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Storage;

/// <summary>
/// Brings the database to the current schema at start-up with EF Core migrations, lets the engine prepare it
/// (SQLite: WAL journaling) and records the instance row. Runs before the server accepts requests. Before migrations change an
/// existing database it takes a backup (<see cref="UpgradeBackup"/>); a database a newer build has migrated is
/// refused untouched.
/// </summary>
public static partial class DatabaseInitializer
{
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));

        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        var known = db.Database.GetMigrations().ToList();
        var unknown = applied.Except(known, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new DatabaseTooNewException(
                $"This database was upgraded by a newer version of Intake (migration {unknown[^1]}); this build knows migrations " +
                $"up to {known.LastOrDefault() ?? "none"}. Start the newer version, or restore the backup taken before the upgrade " +
                "(docs/operations.md, \"Upgrades\"). Nothing was changed.");
        }

        var pending = known.Except(applied, StringComparer.Ordinal).ToList();
        if (pending.Count > 0 && applied.Count > 0)
        {
            await UpgradeBackup.TakeAsync(scope.ServiceProvider, pending[^1], logger, cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<Engines.StorageEngine>().PrepareAsync(db, cancellationToken);

        if (!await db.Instance.AnyAsync(cancellationToken))
        {
            db.Instance.Add(new InstanceInfo
            {
                InstanceId = Guid.NewGuid(),
                CreatedOn = DateOnly.FromDateTime(DateTime.UtcNow),
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        LogDatabaseReady(logger);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated and ready")]
    private static partial void LogDatabaseReady(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Backup before upgrading to {Migration} written ({Cases} cases)")]
    internal static partial void LogUpgradeBackup(ILogger logger, string migration, long cases);

    [LoggerMessage(Level = LogLevel.Information, Message = "Upgrading to {Migration} without a backup: the instance is not set up, so it holds no reports")]
    internal static partial void LogUpgradeWithoutBackup(ILogger logger, string migration);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upgrading to {Migration} on a database server: its backup before the upgrade is the operator's (docs/operations.md, \"Upgrades\")")]
    internal static partial void LogUpgradeOnServer(ILogger logger, string migration);
}

/// <summary>The database was migrated by a newer build than this one.</summary>
public sealed class DatabaseTooNewException(string message) : Exception(message);

/// <summary>
/// The automatic backup before migrations change an existing database: written to the data directory's
/// <c>backups</c> folder as <c>before-MIGRATION.age</c>, sealed like every backup to the recovery recipient.
/// </summary>
internal static class UpgradeBackup
{
    public static async Task TakeAsync(IServiceProvider services, string migration, ILogger logger, CancellationToken cancellationToken)
    {
        var data = services.GetRequiredService<Hosting.DataDirectory>();
        var folder = Directory.CreateDirectory(Path.Combine(data.Root, "backups")).FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        if (services.GetRequiredService<Engines.StorageEngine>().Provider != DatabaseProvider.Sqlite)
        {
            DatabaseInitializer.LogUpgradeOnServer(logger, migration);
            return;
        }

        if (!await IsSetUpAsync(services, cancellationToken))
        {
            DatabaseInitializer.LogUpgradeWithoutBackup(logger, migration);
            return;
        }

        var manifest = await services.GetRequiredService<Backups.BackupArchive>().WriteAsync(Path.Combine(folder, $"before-{migration}.age"), cancellationToken);
        DatabaseInitializer.LogUpgradeBackup(logger, migration, manifest.Cases);
    }

    private static async Task<bool> IsSetUpAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<IntakeDbContext>();
        return await services.GetRequiredService<Engines.StorageEngine>().HasTableAsync(db, "Organisation", cancellationToken)
            && await db.Organisation.AnyAsync(cancellationToken);
    }

}
