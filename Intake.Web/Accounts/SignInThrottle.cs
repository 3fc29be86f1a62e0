using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Intake.Web.Accounts;

/// <summary>
/// Per-account exponential back-off after failed sign-ins. Keyed by a keyed hash of the typed username, so that
/// unknown usernames are throttled exactly like real ones (the answer never tells which exists) and the
/// usernames themselves are not kept in memory. After three failures each further failure doubles the wait,
/// from 2 seconds up to 15 minutes; a success clears it.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    private const int FreeAttempts = 3;
    private const int MaxEntries = 100_000;
    private static readonly TimeSpan _maximumDelay = TimeSpan.FromMinutes(15);

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>How long the account must wait before another attempt is even checked; zero if it may go.</summary>
    public TimeSpan RetryAfter(string username)
    {
        if (!_entries.TryGetValue(KeyOf(username), out var entry))
        {
            return TimeSpan.Zero;
        }

        var wait = entry.BlockedUntil - clock.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    public void RecordFailure(string username)
    {
        if (_entries.Count >= MaxEntries)
        {
            Prune();
        }

        var now = clock.GetUtcNow();
        _entries.AddOrUpdate(
            KeyOf(username),
            _ => new Entry(1, now),
            (_, old) =>
            {
                var failures = old.Failures + 1;
                return new Entry(failures, now + DelayAfter(failures));
            });
    }

    public void RecordSuccess(string username) => _entries.TryRemove(KeyOf(username), out _);

    internal static TimeSpan DelayAfter(int failures)
    {
        if (failures < FreeAttempts)
        {
            return TimeSpan.Zero;
        }

        var seconds = Math.Pow(2, Math.Min(failures - FreeAttempts + 1, 20));
        var delay = TimeSpan.FromSeconds(seconds);
        return delay < _maximumDelay ? delay : _maximumDelay;
    }

    private void Prune()
    {
        var now = clock.GetUtcNow();
        foreach (var pair in _entries)
        {
            if (pair.Value.BlockedUntil < now - _maximumDelay)
            {
                _entries.TryRemove(pair.Key, out _);
            }
        }
    }

    private string KeyOf(string username) =>
        Convert.ToHexString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(StaffUsernames.Normalize(username))));

    private sealed record Entry(int Failures, DateTimeOffset BlockedUntil);
}
