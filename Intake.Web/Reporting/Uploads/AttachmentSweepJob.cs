using Microsoft.Extensions.Options;

namespace Intake.Web.Reporting.Uploads;

/// <summary>
/// Sweeps stale staging files and unreferenced sealed files every <see cref="UploadOptions.SweepInterval"/> while
/// the app runs, and counts the stored files again for the <see cref="StorageGuard"/>. A request's own failures are
/// cleaned up by the request; this catches what a killed process or a failed delete leaves.
/// </summary>
public sealed partial class AttachmentSweepJob(IServiceProvider services, StorageGuard guard, IOptions<UploadOptions> options, ILogger<AttachmentSweepJob> logger)
    : BackgroundService
{
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var removed = await AttachmentSweeper.SweepAsync(services, options.Value.StaleAfter, cancellationToken);
        await guard.RecountAsync(cancellationToken);
        return removed;
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
                    await RunOnceAsync(stoppingToken);
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
