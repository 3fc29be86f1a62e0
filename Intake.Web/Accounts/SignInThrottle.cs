using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Intake.Web.Accounts;

/// <summary>
/// Exponential back-off after failed sign-ins, counted per username and device: a known device of the user (its
/// device cookie, <see cref="SignInDevices"/>) has a count of its own, and every other browser shares the
/// username's count for unknown devices. So failures typed anywhere else can never lock a user out of a device
/// they signed in from before. Keyed by a keyed hash of the typed username (and device), so that unknown
/// usernames are throttled exactly like real ones (the answer never tells which exists) and the usernames
/// themselves are not kept in memory. After three failures each further failure doubles the wait, from 2
/// seconds up to 15 minutes; a success clears it.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    private const int FreeAttempts = 3;
    private const int MaxEntries = 100_000;
    private static readonly TimeSpan _maximumDelay = TimeSpan.FromMinutes(15);

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>How long the account must wait before another attempt is even checked; zero if it may go.</summary>
    public TimeSpan RetryAfter(string username, string? deviceId = null)
    {
        if (!_entries.TryGetValue(KeyOf(username, deviceId), out var entry))
        {
            return TimeSpan.Zero;
        }

        var wait = entry.BlockedUntil - clock.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    public void RecordFailure(string username, string? deviceId = null)
    {
        if (_entries.Count >= MaxEntries)
        {
            Prune();
        }

        var now = clock.GetUtcNow();
        _entries.AddOrUpdate(
            KeyOf(username, deviceId),
            _ => new Entry(1, now),
            (_, old) =>
            {
                var failures = old.Failures + 1;
                return new Entry(failures, now + DelayAfter(failures));
            });
    }

    public void RecordSuccess(string username, string? deviceId = null) => _entries.TryRemove(KeyOf(username, deviceId), out _);

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

    private string KeyOf(string username, string? deviceId) =>
        Convert.ToHexString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(StaffUsernames.Normalize(username) + "\n" + (deviceId ?? string.Empty))));

    private sealed record Entry(int Failures, DateTimeOffset BlockedUntil);
}
