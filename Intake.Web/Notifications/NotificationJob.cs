using Intake.Web.Storage;
using Microsoft.Extensions.Options;

namespace Intake.Web.Notifications;

/// <summary>
/// The background side of notifications: the sender every <see cref="NotificationOptions.PollInterval"/> and the
/// reminder scan every <see cref="NotificationOptions.DeadlineScanInterval"/>, each run in a scope of its own. With
/// several application nodes each sender claims the notices it sends (<see cref="OutboxSender"/>) and the scan runs
/// on the one node that takes its lease (<see cref="JobLeases"/>); another takes over when that node dies.
/// Without a configured mail server it does nothing. A failed run is logged by class and tried on the next tick.
/// </summary>
public sealed partial class NotificationJob(
    IServiceScopeFactory scopes, IOptions<MailOptions> mail, IOptions<NotificationOptions> options, ILogger<NotificationJob> logger) : BackgroundService
{
    public const string ScanJobName = "deadline-scan";

    /// <summary>How long a node holds the reminder scan: one still running after this is taken to have died with its node.</summary>
    public static readonly TimeSpan ScanLease = TimeSpan.FromMinutes(15);

    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxSender>().RunOnceAsync(cancellationToken);
    }

    public async Task<int> ScanAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NoticeScan>().RunOnceAsync(cancellationToken);
    }

    /// <summary>
    /// What each tick of the reminder scan does: scans when this node takes the scan's lease and no node scanned in
    /// the last half interval (so the ticks of several nodes scan once); true when it scanned here.
    /// </summary>
    public async Task<bool> ScanIfDueAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var leases = scope.ServiceProvider.GetRequiredService<JobLeases>();
        return await leases.RunIfDueAsync(ScanJobName, options.Value.DeadlineScanInterval / 2, ScanLease, ScanAsync, cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        mail.Value.IsConfigured
            ? Task.WhenAll(
                LoopAsync(options.Value.PollInterval, SendDueAsync, stoppingToken),
                LoopAsync(options.Value.DeadlineScanInterval, async c => await ScanIfDueAsync(c) ? 1 : 0, stoppingToken))
            : Task.CompletedTask;

    private async Task LoopAsync(TimeSpan interval, Func<CancellationToken, Task<int>> run, CancellationToken stoppingToken)
    {
        // Real time: the intervals are how often to look, while what is due is decided on the injected clock.
        using var timer = new PeriodicTimer(interval);
        try
        {
            do
            {
                try
                {
                    await run(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogRunFailed(logger, ex.GetType().Name);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A notification run failed ({Error}); it runs again on the next tick")]
    private static partial void LogRunFailed(ILogger logger, string error);
}
