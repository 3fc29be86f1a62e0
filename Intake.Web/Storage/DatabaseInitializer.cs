using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Storage;

/// <summary>
/// Brings the database to the current schema at start-up with EF Core migrations, switches the file to WAL
/// journaling and records the instance row. Runs before the server accepts requests.
/// </summary>
public static partial class DatabaseInitializer
{
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));

        await db.Database.MigrateAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);

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
}
