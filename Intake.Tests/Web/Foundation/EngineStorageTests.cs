using Intake.Tests.Infrastructure;
using Intake.Web.Storage;
using Intake.Web.Storage.Engines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Foundation;

/// <summary>
/// The database engine comes from configuration (Intake:Database:Provider) and brings its own migrations; ops/test.sh
/// runs these on SQLite and on PostgreSQL.
/// </summary>
public sealed class EngineStorageTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new("intake-engine");

    [Fact]
    public async Task Startup_MigratesTheConfiguredEngine_WithItsOwnMigrations_AndAStartOverTheSameDataAddsNothing()
    {
        var expected = TestDatabase.OnPostgres ? DatabaseProvider.PostgreSQL : DatabaseProvider.Sqlite;
        List<string> applied;
        await using (var first = IntakeApplicationFactory.OverDataDirectory(_data.Path))
        await using (var scope = first.CreateScope())
        {
            var db = IntakeApplicationFactory.CreateDbContext(scope);
            Assert.Equal(expected, scope.ServiceProvider.GetRequiredService<StorageEngine>().Provider);
            Assert.Equal(expected == DatabaseProvider.PostgreSQL, db is PostgresIntakeDbContext);
            Assert.Equal(expected == DatabaseProvider.PostgreSQL ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite", db.Database.ProviderName);
            applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
            Assert.Equal(db.Database.GetMigrations(), applied);
            Assert.NotEmpty(applied);
            Assert.Equal(1, await db.Instance.CountAsync());
        }

        await using (var second = IntakeApplicationFactory.OverDataDirectory(_data.Path))
        await using (var scope = second.CreateScope())
        {
            var db = IntakeApplicationFactory.CreateDbContext(scope);
            Assert.Equal(applied, await db.Database.GetAppliedMigrationsAsync());
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(1, await db.Instance.CountAsync());
        }
    }

    [Fact]
    public void APostgreSqlChoiceWithoutAConnectionString_IsRefusedAtStartup_NamingTheSetting()
    {
        using var app = IntakeApplicationFactory.OverDataDirectory(_data.Path);
        app.Settings["Intake:Database:Provider"] = "PostgreSQL";
        app.Settings["ConnectionStrings:Intake"] = string.Empty;

        var refusal = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("ConnectionStrings:Intake", Flatten(refusal), StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        TestDatabase.Drop(_data.Path);
        _data.Dispose();
        return Task.CompletedTask;
    }

    private static string Flatten(Exception exception)
    {
        var messages = new List<string>();
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        return string.Join(" | ", messages);
    }
}
