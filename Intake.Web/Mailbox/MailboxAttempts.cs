using System.Threading.RateLimiting;

namespace Intake.Web.Mailbox;

/// <summary>
/// Bounds how many mailbox codes can be tried, without keeping anything about who tries: one token bucket for the
/// whole service (a 120-bit code cannot be guessed, so this protects the server's work rather than the codes).
/// </summary>
public sealed class MailboxAttempts : IDisposable
{
    private readonly TokenBucketRateLimiter _bucket = new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = 120,
        TokensPerPeriod = 60,
        ReplenishmentPeriod = TimeSpan.FromSeconds(10),
        QueueLimit = 0,
        AutoReplenishment = true,
    });

    public bool TryAttempt()
    {
        using var lease = _bucket.AttemptAcquire();
        return lease.IsAcquired;
    }

    public void Dispose() => _bucket.Dispose();
}
