namespace Intake.Web.Cases;

/// <summary>
/// Runs <see cref="CaseDisposal"/> once a day on one node: every node looks every <see cref="CheckInterval"/> (on the
/// injected clock, and once at start) and the one that takes the job's lease (<see cref="Storage.JobLeases"/>) runs
/// it. A failed run is logged (never with content) and gives the lease up, so the next look tries again; a node
/// that dies mid-run leaves a lease that runs out after <see cref="Lease"/>, and another node takes over.
/// </summary>
public sealed partial class CaseDisposalJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<CaseDisposalJob> logger) : BackgroundService
{
    public const string JobName = "case-disposal";

    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    public static readonly TimeSpan CheckInterval = TimeSpan.FromMinutes(10);

    public static readonly TimeSpan Lease = TimeSpan.FromHours(1);

    /// <summary>One run in a scope of its own: what the timer does, and what tests call directly.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CaseDisposal>().DisposeDueAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckInterval, clock);
        try
        {
            do
            {
                await RunGuardedAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    private async Task RunGuardedAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var leases = scope.ServiceProvider.GetRequiredService<Storage.JobLeases>();
            await leases.RunIfDueAsync(JobName, Interval, Lease, RunOnceAsync, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRunFailed(logger, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The disposal run failed ({Error}); the next look tries again")]
    private static partial void LogRunFailed(ILogger logger, string error);
}
