using System.Security.Cryptography;
using System.Text;
using Intake.Web.Secrets;

namespace Intake.Web.Storage.Limits;

/// <summary>A token bucket's size: <see cref="Capacity"/> tokens when full, <see cref="PerHour"/> back per hour.</summary>
public readonly record struct BucketSize(int Capacity, int PerHour)
{
    /// <summary>How long an empty bucket takes to fill: a bucket untouched this long is full, whatever it held.</summary>
    public TimeSpan TimeToFill => PerHour > 0 ? TimeSpan.FromHours((double)Capacity / PerHour) : TimeSpan.MaxValue;
}

/// <summary>
/// The budgets, back-offs and one-time proofs that must hold across every application node: taking a token from a
/// bucket, counting failures for a back-off, using a key once, and keeping a value to be taken once. On SQLite (one
/// node) they live in this process's memory; on PostgreSQL in one table every node updates atomically. Each key is
/// kept only as a keyed hash (HMAC-SHA-256 under a key derived from the instance key, the same on every node), so
/// no username, stamp or ceremony id is kept in the clear, in memory or in the database.
/// </summary>
public abstract class SharedLimits(InstanceKey instanceKey, TimeProvider clock)
{
    // Domain separation: the keys of shared limits are hashed under their own derived key, used for nothing else.
    private const string KeyLabel = "intake.shared-limits/keys/v1";

    private readonly byte[] _hashKey = instanceKey.Derive(KeyLabel);

    /// <summary>Takes a token from <paramref name="bucket"/> (full when first used); false when it holds none now.</summary>
    public ValueTask<bool> TryTakeAsync(string bucket, BucketSize size, CancellationToken cancellationToken = default) =>
        size.Capacity < 1 ? ValueTask.FromResult(false) : TryTakeAsync(Id("bucket", bucket), size, Now, cancellationToken);

    /// <summary>The tokens <paramref name="bucket"/> holds now (fractions while it refills), without taking any.</summary>
    public ValueTask<double> TokensAsync(string bucket, BucketSize size, CancellationToken cancellationToken = default) =>
        TokensAsync(Id("bucket", bucket), size, Now, cancellationToken);

    /// <summary>
    /// Counts a failure under <paramref name="key"/> and blocks it for <paramref name="delayAfter"/>(failures so far)
    /// from now. The count is forgotten <paramref name="forgetAfter"/> after the block ends.
    /// </summary>
    public ValueTask RecordFailureAsync(string key, Func<int, TimeSpan> delayAfter, TimeSpan forgetAfter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delayAfter);
        return RecordFailureAsync(Id("failures", key), delayAfter, forgetAfter, Now, cancellationToken);
    }

    /// <summary>Until when <paramref name="key"/> is blocked by its failures (a moment in the past when it is not).</summary>
    public async ValueTask<DateTimeOffset> BlockedUntilAsync(string key, CancellationToken cancellationToken = default) =>
        DateTimeOffset.FromUnixTimeMilliseconds(await BlockedUntilAsync(Id("failures", key), Now, cancellationToken) ?? 0);

    /// <summary>Forgets the failures counted under <paramref name="key"/>.</summary>
    public ValueTask ForgetFailuresAsync(string key, CancellationToken cancellationToken = default) =>
        RemoveAsync(Id("failures", key), cancellationToken);

    /// <summary>Uses <paramref name="key"/> until <paramref name="until"/>; false when it is used already (a replay).</summary>
    public ValueTask<bool> TryUseOnceAsync(string key, DateTimeOffset until, CancellationToken cancellationToken = default) =>
        TryUseOnceAsync(Id("once", key), until.ToUnixTimeMilliseconds(), Now, cancellationToken);

    /// <summary>Whether <paramref name="key"/> is used (and its use has not expired).</summary>
    public ValueTask<bool> IsUsedAsync(string key, CancellationToken cancellationToken = default) =>
        IsUsedAsync(Id("once", key), Now, cancellationToken);

    /// <summary>Keeps <paramref name="value"/> under <paramref name="key"/> until <paramref name="until"/>, to be taken once.</summary>
    public ValueTask KeepAsync(string key, string value, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        return KeepAsync(Id("kept", key), value, until.ToUnixTimeMilliseconds(), Now, cancellationToken);
    }

    /// <summary>Takes the value kept under <paramref name="key"/>: null when there is none, it expired, or it was taken.</summary>
    public ValueTask<string?> TakeAsync(string key, CancellationToken cancellationToken = default) =>
        TakeAsync(Id("kept", key), Now, cancellationToken);

    // The engine's side. Ids are hex keyed hashes (64 characters); times are Unix milliseconds on the application clock.
    protected abstract ValueTask<bool> TryTakeAsync(string id, BucketSize size, long now, CancellationToken cancellationToken);

    protected abstract ValueTask<double> TokensAsync(string id, BucketSize size, long now, CancellationToken cancellationToken);

    protected abstract ValueTask RecordFailureAsync(string id, Func<int, TimeSpan> delayAfter, TimeSpan forgetAfter, long now, CancellationToken cancellationToken);

    /// <summary>The end of the block, or null when nothing is counted.</summary>
    protected abstract ValueTask<long?> BlockedUntilAsync(string id, long now, CancellationToken cancellationToken);

    protected abstract ValueTask RemoveAsync(string id, CancellationToken cancellationToken);

    protected abstract ValueTask<bool> TryUseOnceAsync(string id, long until, long now, CancellationToken cancellationToken);

    protected abstract ValueTask<bool> IsUsedAsync(string id, long now, CancellationToken cancellationToken);

    protected abstract ValueTask KeepAsync(string id, string value, long until, long now, CancellationToken cancellationToken);

    protected abstract ValueTask<string?> TakeAsync(string id, long now, CancellationToken cancellationToken);

    /// <summary>The tokens a bucket holds at <paramref name="now"/> that held <paramref name="tokens"/> at <paramref name="last"/>.</summary>
    protected static double Refilled(double tokens, long last, long now, BucketSize size) =>
        now <= last ? tokens : Math.Min(size.Capacity, tokens + (TimeSpan.FromMilliseconds(now - last).TotalHours * size.PerHour));

    /// <summary>A span in milliseconds, capped so that adding it to a moment cannot overflow.</summary>
    protected static long Milliseconds(TimeSpan span) =>
        span >= TimeSpan.FromDays(3650) ? (long)TimeSpan.FromDays(3650).TotalMilliseconds : (long)Math.Max(0, span.TotalMilliseconds);

    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    private string Id(string kind, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var bytes = Encoding.UTF8.GetBytes(kind + "\n" + key);
        try
        {
            return Convert.ToHexStringLower(HMACSHA256.HashData(_hashKey, bytes));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }
}
