using Intake.Crypto.Age;

namespace Intake.Web.Keys;

/// <summary>
/// The keys a signed-in handler has unlocked: their personal identity and every channel key version they hold a
/// wrap of. Lives in a node's memory for one session only (<see cref="UnlockedKeyStore"/>); disposing wipes every
/// identity. A key version made while the session lives is added to it (<see cref="ChannelKeys.ShareWithLiveSessionsAsync"/>),
/// possibly while one of the session's requests reads it: every access takes the keyring's lock.
/// </summary>
public sealed class UnlockedKeyring : IDisposable
{
    private readonly Dictionary<Guid, UnlockedChannelKey> _channelKeys = [];
    private readonly Lock _lock = new();
    private bool _disposed;

    public UnlockedKeyring(Guid userId, IKeyIdentity personal)
    {
        UserId = userId;
        Personal = personal;
    }

    public Guid UserId { get; }

    /// <summary>The session row this keyring belongs to, once it is a session's (<see cref="UnlockedKeyStore"/>).</summary>
    public string? SessionId { get; internal set; }

    public IKeyIdentity Personal { get; }

    public IReadOnlyCollection<UnlockedChannelKey> ChannelKeys
    {
        get
        {
            lock (_lock)
            {
                return [.. _channelKeys.Values];
            }
        }
    }

    public void Add(UnlockedChannelKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_channelKeys.Remove(key.ChannelKeyId, out var old))
            {
                old.Identity.Dispose();
            }

            _channelKeys[key.ChannelKeyId] = key;
        }
    }

    /// <summary>Every identity of the channel this keyring holds, newest first: what decrypts its content.</summary>
    public IReadOnlyList<IIdentity> IdentitiesFor(Guid channelId)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _channelKeys.Values.Where(k => k.ChannelId == channelId)
                .OrderByDescending(k => k.Version).Select(k => (IIdentity)k.Identity).ToList();
        }
    }

    public IKeyIdentity? IdentityForVersion(Guid channelId, int version)
    {
        lock (_lock)
        {
            return _channelKeys.Values.FirstOrDefault(k => k.ChannelId == channelId && k.Version == version)?.Identity;
        }
    }

    public bool HoldsChannel(Guid channelId)
    {
        lock (_lock)
        {
            return _channelKeys.Values.Any(k => k.ChannelId == channelId);
        }
    }

    public UnlockedChannelKey? Find(Guid channelKeyId)
    {
        lock (_lock)
        {
            return _channelKeys.GetValueOrDefault(channelKeyId);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var key in _channelKeys.Values)
            {
                key.Identity.Dispose();
            }

            _channelKeys.Clear();
            Personal.Dispose();
        }
    }
}

/// <summary>One unlocked version of a channel key.</summary>
public sealed record UnlockedChannelKey(Guid ChannelKeyId, Guid ChannelId, int Version, IKeyIdentity Identity);
