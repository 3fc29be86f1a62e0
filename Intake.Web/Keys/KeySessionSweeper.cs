using Intake.Web.Keys.Sessions;
using Microsoft.Extensions.Options;

namespace Intake.Web.Keys;

/// <summary>
/// Once a minute: deletes the rows of expired staff sessions and pending sign-ins (every node may; deleting twice is
/// harmless), and wipes the keyrings this node opened for sessions unused for longer than the idle timeout.
/// </summary>
public sealed partial class KeySessionSweeper(
    IServiceScopeFactory scopes, OpenedKeyrings opened, IOptions<Accounts.SessionOptions> options, TimeProvider clock, ILogger<KeySessionSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await SweepAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        opened.Sweep(options.Value.IdleTimeout);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<StaffSessions>().SweepAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogSweepFailed(logger, exception.GetType().Name);
        }
    }

    public override void Dispose()
    {
        opened.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Expired staff sessions could not be deleted this minute ({Error}); the next sweep tries again.")]
    private static partial void LogSweepFailed(ILogger logger, string error);
}
