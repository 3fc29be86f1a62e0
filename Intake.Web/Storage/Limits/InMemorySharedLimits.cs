using System.Collections.Concurrent;
using Intake.Web.Secrets;

namespace Intake.Web.Storage.Limits;

/// <summary>
/// The shared limits of a single node (SQLite): in this process's memory, as fast as a dictionary. Each kind of
/// entry is bounded: past its bound the expired entries are dropped (and, for kept values, the oldest).
/// </summary>
public sealed class InMemorySharedLimits(InstanceKey instanceKey, TimeProvider clock) : SharedLimits(instanceKey, clock)
{
    private const int MaxFailures = 100_000;
    private const int MaxUsed = 200_000;
    private const int MaxKept = 10_000;

    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _used = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Kept> _kept = new(StringComparer.Ordinal);

    protected override ValueTask<bool> TryTakeAsync(string id, BucketSize size, long now, CancellationToken cancellationToken)
    {
        var bucket = _buckets.GetOrAdd(id, _ => new Bucket(size.Capacity, now));
        lock (bucket)
        {
            bucket.Refill(size, now);
            if (bucket.Tokens < 1)
            {
                return ValueTask.FromResult(false);
            }

            bucket.Tokens -= 1;
            return ValueTask.FromResult(true);
        }
    }

    protected override ValueTask<double> TokensAsync(string id, BucketSize size, long now, CancellationToken cancellationToken)
    {
        if (!_buckets.TryGetValue(id, out var bucket))
        {
            return ValueTask.FromResult((double)size.Capacity);
        }

        lock (bucket)
        {
            bucket.Refill(size, now);
            return ValueTask.FromResult(bucket.Tokens);
        }
    }

    protected override ValueTask RecordFailureAsync(string id, Func<int, TimeSpan> delayAfter, TimeSpan forgetAfter, long now, CancellationToken cancellationToken)
    {
        if (_failures.Count >= MaxFailures)
        {
            Prune(_failures, f => f.ForgetAt, now);
        }

        _failures.AddOrUpdate(
            id,
            _ => Next(0),
            (_, old) => Next(old.ForgetAt < now ? 0 : old.Count));
        return ValueTask.CompletedTask;

        Failures Next(int count)
        {
            var until = now + Milliseconds(delayAfter(count + 1));
            return new Failures(count + 1, until, until + Milliseconds(forgetAfter));
        }
    }

    protected override ValueTask<long?> BlockedUntilAsync(string id, long now, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_failures.TryGetValue(id, out var failures) && failures.ForgetAt >= now ? failures.BlockedUntil : (long?)null);

    protected override ValueTask RemoveAsync(string id, CancellationToken cancellationToken)
    {
        _failures.TryRemove(id, out _);
        return ValueTask.CompletedTask;
    }

    protected override ValueTask<bool> TryUseOnceAsync(string id, long until, long now, CancellationToken cancellationToken)
    {
        if (_used.Count >= MaxUsed)
        {
            Prune(_used, u => u, now);
        }

        if (_used.TryAdd(id, until))
        {
            return ValueTask.FromResult(true);
        }

        // Used before: usable again only once that use has expired (and then only by one caller).
        return ValueTask.FromResult(_used.TryGetValue(id, out var expires) && expires < now && _used.TryUpdate(id, until, expires));
    }

    protected override ValueTask<bool> IsUsedAsync(string id, long now, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_used.TryGetValue(id, out var until) && until >= now);

    protected override ValueTask KeepAsync(string id, string value, long until, long now, CancellationToken cancellationToken)
    {
        Prune(_kept, k => k.Until, now);
        if (_kept.Count >= MaxKept)
        {
            foreach (var pair in _kept.OrderBy(p => p.Value.Until).Take(_kept.Count - MaxKept + 1).ToList())
            {
                _kept.TryRemove(pair.Key, out _);
            }
        }

        _kept[id] = new Kept(value, until);
        return ValueTask.CompletedTask;
    }

    protected override ValueTask<string?> TakeAsync(string id, long now, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_kept.TryRemove(id, out var kept) && kept.Until > now ? kept.Value : null);

    private static void Prune<T>(ConcurrentDictionary<string, T> entries, Func<T, long> expires, long now)
    {
        foreach (var pair in entries)
        {
            if (expires(pair.Value) < now)
            {
                entries.TryRemove(pair.Key, out _);
            }
        }
    }

    private sealed class Bucket(double tokens, long last)
    {
        public double Tokens { get; set; } = tokens;

        public void Refill(BucketSize size, long now)
        {
            Tokens = Refilled(Tokens, last, now, size);
            last = now;
        }
    }

    private sealed record Failures(int Count, long BlockedUntil, long ForgetAt);

    private sealed record Kept(string Value, long Until);
}
