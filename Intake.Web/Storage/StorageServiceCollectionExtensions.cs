using Intake.Web.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the SQLite database in the data directory.</summary>
    public static IServiceCollection AddIntakeStorage(
        this IServiceCollection services, DataDirectory dataDirectory, IntakeOptions options)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = dataDirectory.DatabasePath(options),
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();

        services.AddSingleton<SqlitePragmaInterceptor>();
        services.AddDbContext<IntakeDbContext>((provider, db) => db
            .UseSqlite(connectionString)
            .AddInterceptors(provider.GetRequiredService<SqlitePragmaInterceptor>()));
        return services;
    }
}
