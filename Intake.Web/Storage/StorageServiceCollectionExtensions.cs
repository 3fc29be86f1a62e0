using Intake.Web.Hosting;
using Intake.Web.Storage.Engines;
using Intake.Web.Storage.Limits;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the database the configuration names (<see cref="DatabaseOptions"/>): by default the SQLite file in
    /// the data directory, or a PostgreSQL server shared by several application nodes. The shared limits
    /// (<see cref="SharedLimits"/>) follow: in memory beside SQLite, in the database on PostgreSQL.
    /// </summary>
    public static IServiceCollection AddIntakeStorage(
        this IServiceCollection services, IConfiguration configuration, DataDirectory dataDirectory, IntakeOptions options)
    {
        var database = DatabaseOptions.From(configuration, out var connectionString);
        services.AddSingleton(database);
        services.AddSingleton<NodeIdentity>();
        services.AddScoped<JobLeases>();
        if (database.Provider == DatabaseProvider.PostgreSQL)
        {
            services.AddSingleton<StorageEngine, PostgresEngine>();
            services.AddSingleton<SharedLimits, PostgresSharedLimits>();
            services.AddDbContext<IntakeDbContext, PostgresIntakeDbContext>(db => db.UseNpgsql(connectionString));
            return services;
        }

        var sqlite = new SqliteConnectionStringBuilder
        {
            DataSource = dataDirectory.DatabasePath(options),
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();

        services.AddSingleton<StorageEngine, SqliteEngine>();
        services.AddSingleton<SharedLimits, InMemorySharedLimits>();
        services.AddSingleton<SqlitePragmaInterceptor>();
        services.AddDbContext<IntakeDbContext>((provider, db) => db
            .UseSqlite(sqlite)
            .AddInterceptors(provider.GetRequiredService<SqlitePragmaInterceptor>()));
        return services;
    }
}
