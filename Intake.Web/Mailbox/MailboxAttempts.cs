using Intake.Web.Storage.Limits;

namespace Intake.Web.Mailbox;

/// <summary>
/// Bounds failed mailbox lookups, without keeping anything about who tries: one token bucket for the whole service
/// (shared by every application node, <see cref="SharedLimits"/>), charged only by a code or lookup id that opens
/// nothing. A 120-bit code cannot be guessed, so a lookup that succeeds is never limited: however fast someone sends
/// wrong codes, a reporter with the right one gets in. The bucket only decides whether a failure is answered "not
/// found" or "too many attempts, wait" (docs/availability.md).
/// </summary>
public sealed class MailboxAttempts(SharedLimits limits)
{
    private const string Bucket = "mailbox/failures";

    /// <summary>120 failures at once, then 6 a second (60 every 10 seconds).</summary>
    private static readonly BucketSize _failures = new(120, 6 * 3600);

    /// <summary>Records a lookup that opened nothing; false when failures are over their bound right now.</summary>
    public Task<bool> TryRecordFailureAsync(CancellationToken cancellationToken = default) =>
        limits.TryTakeAsync(Bucket, _failures, cancellationToken).AsTask();
}
