using Intake.Web.Storage;
using Microsoft.Extensions.Options;

namespace Intake.Web.Reporting.Uploads;

/// <summary>
/// Sweeps stale staging files and unreferenced sealed files every <see cref="UploadOptions.SweepInterval"/> while
/// the app runs, on one application node at a time: the node that takes the sweep's lease (<see cref="JobLeases"/>)
/// sweeps, and when it dies mid-sweep another takes over once <see cref="Lease"/> has run out. Every node then counts
/// the stored files again for its <see cref="StorageGuard"/>. A request's own failures are cleaned up by the
/// request; this catches what a killed process or a failed delete leaves.
/// </summary>
public sealed partial class AttachmentSweepJob(IServiceProvider services, StorageGuard guard, IOptions<UploadOptions> options, ILogger<AttachmentSweepJob> logger)
    : BackgroundService
{
    public const string JobName = "attachment-sweep";

    /// <summary>How long a node holds the sweep: one still running after this is taken to have died with its node.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(30);

    /// <summary>Sweeps here and now, whatever other nodes do, and recounts (what tests call directly).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var removed = await AttachmentSweeper.SweepAsync(services, options.Value.StaleAfter, cancellationToken);
        await guard.RecountAsync(cancellationToken);
        return removed;
    }

    /// <summary>
    /// What each tick does: sweeps when this node takes the lease and no node swept in the last half interval (so
    /// that ticks of several nodes, or a tick a little early, do not sweep twice); true when it swept here.
    /// </summary>
    public async Task<bool> SweepIfDueAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var leases = scope.ServiceProvider.GetRequiredService<JobLeases>();
        return await leases.RunIfDueAsync(
            JobName, options.Value.SweepInterval / 2, Lease, c => AttachmentSweeper.SweepAsync(services, options.Value.StaleAfter, c), cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Real time, not the application clock: file times are real.
        using var timer = new PeriodicTimer(options.Value.SweepInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SweepIfDueAsync(stoppingToken);
                    await guard.RecountAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogRunFailed(logger, ex.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The attachment sweep failed ({Error}); it runs again at the next interval")]
    private static partial void LogRunFailed(ILogger logger, string error);
}
