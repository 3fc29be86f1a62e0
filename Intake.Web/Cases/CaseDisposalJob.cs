namespace Intake.Web.Cases;

/// <summary>
/// Runs <see cref="CaseDisposal"/> once when the application starts and then once a day, on the injected clock.
/// A failed run is logged (never with content) and tried again the next day.
/// </summary>
public sealed partial class CaseDisposalJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<CaseDisposalJob> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    /// <summary>One run in a scope of its own: what the timer does, and what tests call directly.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CaseDisposal>().DisposeDueAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
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
            await RunOnceAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRunFailed(logger, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The disposal run failed ({Error}); it runs again tomorrow")]
    private static partial void LogRunFailed(ILogger logger, string error);
}
