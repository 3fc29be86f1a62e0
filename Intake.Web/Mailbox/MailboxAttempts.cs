using System.Threading.RateLimiting;

namespace Intake.Web.Mailbox;

/// <summary>
/// Bounds failed mailbox lookups, without keeping anything about who tries: one token bucket for the whole service,
/// charged only by a code or lookup id that opens nothing. A 120-bit code cannot be guessed, so a lookup that
/// succeeds is never limited: however fast someone sends wrong codes, a reporter with the right one gets in. The
/// bucket only decides whether a failure is answered "not found" or "too many attempts, wait"
/// (docs/availability.md).
/// </summary>
public sealed class MailboxAttempts : IDisposable
{
    private readonly TokenBucketRateLimiter _failures = new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = 120,
        TokensPerPeriod = 60,
        ReplenishmentPeriod = TimeSpan.FromSeconds(10),
        QueueLimit = 0,
        AutoReplenishment = true,
    });

    /// <summary>Records a lookup that opened nothing; false when failures are over their bound right now.</summary>
    public bool TryRecordFailure()
    {
        using var lease = _failures.AttemptAcquire();
        return lease.IsAcquired;
    }

    public void Dispose() => _failures.Dispose();
}
