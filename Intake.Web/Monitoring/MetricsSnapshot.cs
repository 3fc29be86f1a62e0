using Intake.Web.Backups;
using Intake.Web.Reporting.Uploads;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Monitoring;

/// <summary>
/// The gauges' values, refreshed by <see cref="MetricsSnapshotJob"/> every half minute so that a scrape never
/// queries the database.
/// </summary>
public sealed class MetricsSnapshot(IServiceScopeFactory scopes, StorageGuard storage, LastBackup lastBackup, TimeProvider clock)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    public Values Current { get; private set; } = new(0, 0, 0, 0, 0, null);

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var backup = lastBackup.Read();
        Current = new Values(
            await db.Outbox.CountAsync(n => n.SentAtMs == null, cancellationToken),
            storage.UsedBytes,
            storage.Limits.MaxTotalBytes,
            storage.FreeDiskBytes,
            await db.AuditEntries.LongCountAsync(cancellationToken),
            backup is null ? null : Math.Max(0, (clock.GetUtcNow() - backup.Value).TotalSeconds));
    }

    public sealed record Values(long OutboxWaiting, long StoredBytes, long QuotaBytes, long FreeDiskBytes, long AuditEntries, double? BackupAgeSeconds);
}

/// <summary>Refreshes <see cref="MetricsSnapshot"/> while the service runs.</summary>
public sealed partial class MetricsSnapshotJob(MetricsSnapshot snapshot, ILogger<MetricsSnapshotJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(MetricsSnapshot.Interval);
        do
        {
            try
            {
                await snapshot.RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRefreshFailed(logger, ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Monitoring figures could not be refreshed ({Error})")]
    private static partial void LogRefreshFailed(ILogger logger, string error);
}
