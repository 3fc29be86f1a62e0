using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Intake.Web.Keys;

/// <summary>
/// Holds each signed-in staff session's <see cref="UnlockedKeyring"/> in memory, under a random session id that
/// travels only inside the encrypted authentication cookie. A session ends on sign-out, after the idle timeout or
/// at the absolute limit, and its keys are wiped then. Nothing here is ever written to disk.
/// </summary>
public sealed class UnlockedKeyStore(TimeProvider clock) : IDisposable
{
    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);

    public string Open(UnlockedKeyring keyring, TimeSpan idleTimeout, TimeSpan absoluteTimeout)
    {
        ArgumentNullException.ThrowIfNull(keyring);
        var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        _sessions[id] = new Session(keyring, idleTimeout, now + absoluteTimeout) { LastSeen = now };
        return id;
    }

    /// <summary>The session's keyring, refreshing its idle timer; null if there is no such live session.</summary>
    public UnlockedKeyring? Get(string? sessionId)
    {
        if (sessionId is null || !_sessions.TryGetValue(sessionId, out var session))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (session.IsExpired(now))
        {
            Close(sessionId);
            return null;
        }

        session.LastSeen = now;
        return session.Keyring;
    }

    public bool IsLive(string? sessionId) => Get(sessionId) is not null;

    public void Close(string? sessionId)
    {
        if (sessionId is not null && _sessions.TryRemove(sessionId, out var session))
        {
            session.Keyring.Dispose();
        }
    }

    /// <summary>Ends every session of one user (after a reset, a revocation or a passphrase change).</summary>
    public void CloseAllFor(Guid userId)
    {
        foreach (var pair in _sessions.Where(p => p.Value.Keyring.UserId == userId).ToList())
        {
            Close(pair.Key);
        }
    }

    /// <summary>Ends every session of the keyring's user except the one holding <paramref name="keep"/>.</summary>
    public void CloseOthersOf(UnlockedKeyring keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        foreach (var pair in _sessions.Where(p => p.Value.Keyring.UserId == keep.UserId && !ReferenceEquals(p.Value.Keyring, keep)).ToList())
        {
            Close(pair.Key);
        }
    }

    /// <summary>The live keyrings of one user (for the administrator-holds-no-key checks).</summary>
    public IReadOnlyList<UnlockedKeyring> SessionsOf(Guid userId) =>
        _sessions.Values.Where(s => s.Keyring.UserId == userId).Select(s => s.Keyring).ToList();

    public int Sweep()
    {
        var now = clock.GetUtcNow();
        var expired = _sessions.Where(p => p.Value.IsExpired(now)).Select(p => p.Key).ToList();
        foreach (var id in expired)
        {
            Close(id);
        }

        return expired.Count;
    }

    public int Count => _sessions.Count;

    public void Dispose()
    {
        foreach (var id in _sessions.Keys.ToList())
        {
            Close(id);
        }
    }

    private sealed class Session(UnlockedKeyring keyring, TimeSpan idle, DateTimeOffset absoluteExpiry)
    {
        public UnlockedKeyring Keyring { get; } = keyring;

        public DateTimeOffset LastSeen { get; set; }

        public bool IsExpired(DateTimeOffset now) => now >= absoluteExpiry || now - LastSeen >= idle;
    }
}
