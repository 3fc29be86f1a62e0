using Intake.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Foundation;

/// <summary>The embedded default's own storage: the SQLite file and its settings (EngineStorageTests covers both engines).</summary>
[Trait("Engine", "Sqlite")]
public sealed class StorageTests(IntakeApplicationFactory app) : IClassFixture<IntakeApplicationFactory>
{
    [Fact]
    public async Task Startup_CreatesDatabaseInDataDirectoryWithMigrations()
    {
        await using var scope = Started().CreateScope();
        var db = IntakeApplicationFactory.CreateDbContext(scope);

        Assert.True(File.Exists(app.DatabasePath));
        var applied = await db.Database.GetAppliedMigrationsAsync();
        Assert.Contains(applied, m => m.EndsWith("_Initial", StringComparison.Ordinal));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(1, await db.Instance.CountAsync());
    }

    [Fact]
    public async Task Connections_UseWalFullSyncAndForeignKeys()
    {
        await using var scope = Started().CreateScope();
        var db = IntakeApplicationFactory.CreateDbContext(scope);
        await db.Database.OpenConnectionAsync();
        try
        {
            Assert.Equal("wal", await PragmaAsync(db, "journal_mode"));
            Assert.Equal("2", await PragmaAsync(db, "synchronous")); // 2 = FULL
            Assert.Equal("1", await PragmaAsync(db, "foreign_keys"));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [Fact]
    public void DataProtection_PersistsKeyRingInDataDirectory()
    {
        var provider = Started().Services.GetRequiredService<IDataProtectionProvider>();

        var protectedValue = provider.CreateProtector("test").Protect("value");

        Assert.NotEmpty(protectedValue);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(app.DataDirectory, "keys"), "key-*.xml"));
    }

    [Fact]
    public async Task Logging_WritesJsonFileInDataDirectory()
    {
        using var client = Started().CreateClient();
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.NotEmpty(Directory.GetFiles(Path.Combine(app.DataDirectory, "logs"), "intake-*.json"));
    }

    private IntakeApplicationFactory Started()
    {
        _ = app.Server; // builds and starts the host, which migrates the database
        return app;
    }

    private static async Task<string> PragmaAsync(DbContext db, string name)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + name + ";";
        var value = await command.ExecuteScalarAsync();
        return Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
