namespace Intake.Web.Keys;

/// <summary>Wipes the keys of expired staff sessions and pending sign-ins once a minute.</summary>
public sealed class KeySessionSweeper(UnlockedKeyStore store, Accounts.PendingSignIns pending, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                store.Sweep();
                pending.Sweep();
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    public override void Dispose()
    {
        store.Dispose();
        pending.Dispose();
        base.Dispose();
    }
}
