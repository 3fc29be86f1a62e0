using Intake.Tests.Infrastructure;
using Intake.Web.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Operations;

/// <summary>
/// An upgrade migrates the database at start only after a backup of it, and loses nothing; an older build started
/// on a database a newer one migrated refuses with a clear message and changes nothing.
/// </summary>
public sealed class UpgradeTests : IDisposable
{
    private readonly TempDirectory _dir = new("intake-upgrade");

    private string Data => Path.Combine(_dir.Path, "data");

    [Fact]
    public async Task BeforeMigrationsChangeADatabase_ABackupIsTaken_AndEveryCaseIsStillThere()
    {
        string recovery;
        string last;
        await using (var app = IntakeApplicationFactory.OverDataDirectory(Data))
        {
            using var world = await StaffWorld.CreateAsync(app);
            recovery = world.Recovery.ExportSecretKey();
            using var reporter = new ReporterClient(app);
            await reporter.SubmitAsync("/report/whistleblowing", ReporterClient.MinimalWhistleblowing("upgrade canary 1"));
            await reporter.SubmitAsync("/report/whistleblowing", ReporterClient.MinimalWhistleblowing("upgrade canary 2"));

            // The database as the release before the newest migration left it.
            await using var scope = app.CreateScope();
            var db = IntakeApplicationFactory.CreateDbContext(scope);
            var migrations = db.Database.GetMigrations().ToList();
            last = migrations[^1];
            await db.GetService<IMigrator>().MigrateAsync(migrations[^2]);
        }

        using (await IntakeProcess.StartAsync(Data))
        {
        }

        var backup = Path.Combine(Data, "backups", $"before-{last}.age");
        Assert.True(File.Exists(backup), "no backup before the upgrade");
        await using (var app = IntakeApplicationFactory.OverDataDirectory(Data))
        await using (var scope = app.CreateScope())
        {
            var db = IntakeApplicationFactory.CreateDbContext(scope);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(2, await db.Cases.CountAsync());
        }

        var identity = Path.Combine(_dir.Path, "recovery.txt");
        await File.WriteAllTextAsync(identity, recovery);
        var (exitCode, output) = await IntakeProcess.RunCommandAsync(Path.Combine(_dir.Path, "restored"), "restore", "--from", backup, "--identity", identity);
        Assert.True(exitCode == 0, output);
        Assert.Contains("2 cases", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADatabaseANewerBuildMigrated_IsRefused_WithAClearMessage_AndNothingChanges()
    {
        await using (var app = IntakeApplicationFactory.OverDataDirectory(Data))
        {
            using var world = await StaffWorld.CreateAsync(app);
        }

        const string future = "29991231000000_FromANewerRelease";
        await ExecuteAsync($"INSERT INTO __EFMigrationsHistory (MigrationId, ProductVersion) VALUES ('{future}', '99.0.0')");
        var before = await File.ReadAllBytesAsync(Path.Combine(Data, "intake.db"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => IntakeProcess.StartAsync(Data));

        Assert.Contains("newer version of Intake", error.Message, StringComparison.Ordinal);
        Assert.Contains(future, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(Path.Combine(Data, "intake.db")));
        Assert.False(Directory.Exists(Path.Combine(Data, "backups")) && Directory.EnumerateFiles(Path.Combine(Data, "backups")).Any());
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(Data, "intake.db"), Pooling = false }.ToString());
        await connection.OpenAsync();
        await using (var checkpoint = connection.CreateCommand())
        {
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }

        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
        await using var done = connection.CreateCommand();
        done.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await done.ExecuteNonQueryAsync();
    }

    public void Dispose() => _dir.Dispose();
}
