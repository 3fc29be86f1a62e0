using Intake.Tests.Infrastructure;
using Intake.Web.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Intake.Tests.Web.Foundation;

/// <summary>
/// A database made by the code before the key model (its last migration is the known-devices table) starts on the
/// current code: the newer migrations apply after it, and the model snapshot matches the model.
/// </summary>
public sealed class MigrationUpgradeTests : IDisposable
{
    private const string BeforeTheKeyModel = "20261201233137_KnownDevices";
    private readonly TempDirectory _data = new("intake-upgrade");

    [Fact]
    public async Task ADatabaseFromBeforeTheKeyModel_UpgradesAtStart_WithNothingPending()
    {
        var path = Path.Combine(_data.Path, "intake.db");
        await using (var old = Context(path))
        {
            await old.GetService<IMigrator>().MigrateAsync(BeforeTheKeyModel);
            var pending = (await old.Database.GetPendingMigrationsAsync()).ToList();
            Assert.NotEmpty(pending);
            Assert.All(pending, id => Assert.True(string.CompareOrdinal(id, BeforeTheKeyModel) > 0, id + " sorts before a migration already applied"));
        }

        SqliteConnection.ClearAllPools();
        await using (var app = IntakeApplicationFactory.OverDataDirectory(_data.Path))
        {
            await using var scope = app.CreateScope();
            var db = IntakeApplicationFactory.CreateDbContext(scope);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.False(db.Database.HasPendingModelChanges());
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        }

        SqliteConnection.ClearAllPools();
    }

    public void Dispose() => _data.Dispose();

    private static IntakeDbContext Context(string path) =>
        new(new DbContextOptionsBuilder<IntakeDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options);
}
