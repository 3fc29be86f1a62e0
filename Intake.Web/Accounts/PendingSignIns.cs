using System.Collections.Concurrent;
using System.Security.Cryptography;
using Intake.Crypto.Age;
using Microsoft.Extensions.Options;

namespace Intake.Web.Accounts;

/// <summary>
/// Sign-ins between the passphrase and the TOTP code: the personal identity the passphrase unlocked waits here,
/// in memory, for a few minutes at most, under a random id carried in a short-lived encrypted cookie.
/// </summary>
public sealed class PendingSignIns(TimeProvider clock, IOptions<SessionOptions> options) : IDisposable
{
    public const int MaxCodeAttempts = 5;

    private readonly ConcurrentDictionary<string, PendingSignIn> _pending = new(StringComparer.Ordinal);

    /// <summary>How many sign-ins wait for their second factor.</summary>
    public int Count => _pending.Count;

    /// <param name="deviceId">The known device the passphrase came from, if any: the code's failures count against it.</param>
    /// <param name="upgrade">A hybrid identity prepared to replace <paramref name="identity"/> once the second factor is checked.</param>
    public string Create(Guid userId, IKeyIdentity identity, string? deviceId = null, PreparedKeyUpgrade? upgrade = null)
    {
        var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        _pending[id] = new PendingSignIn(userId, identity, clock.GetUtcNow() + options.Value.SecondFactorTimeout) { DeviceId = deviceId, KeyUpgrade = upgrade };
        return id;
    }

    public PendingSignIn? Get(string? id)
    {
        if (id is null || !_pending.TryGetValue(id, out var pending))
        {
            return null;
        }

        if (clock.GetUtcNow() >= pending.Expires)
        {
            Remove(id);
            return null;
        }

        return pending;
    }

    /// <summary>Removes the entry; its identity is wiped unless it was taken for a session.</summary>
    public void Remove(string? id)
    {
        if (id is not null && _pending.TryRemove(id, out var pending))
        {
            pending.Dispose();
        }
    }

    public void Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var pair in _pending.Where(p => now >= p.Value.Expires).ToList())
        {
            Remove(pair.Key);
        }
    }

    public void Dispose()
    {
        foreach (var id in _pending.Keys.ToList())
        {
            Remove(id);
        }
    }
}

public sealed class PendingSignIn(Guid userId, IKeyIdentity identity, DateTimeOffset expires) : IDisposable
{
    private IKeyIdentity? _identity = identity;
    private PreparedKeyUpgrade? _upgrade;

    public Guid UserId { get; } = userId;

    public DateTimeOffset Expires { get; } = expires;

    public int CodeAttempts { get; set; }

    /// <summary>The known device of the user this sign-in came from, if any.</summary>
    public string? DeviceId { get; init; }

    /// <summary>A TOTP secret being enrolled, held until the first code confirms it.</summary>
    public byte[]? EnrolmentSecret { get; set; }

    public IKeyIdentity Identity => _identity ?? throw new ObjectDisposedException(nameof(PendingSignIn));

    /// <summary>The hybrid identity prepared to replace a personal key from before post-quantum keys, if any.</summary>
    public PreparedKeyUpgrade? KeyUpgrade { get => _upgrade; init => _upgrade = value; }

    /// <summary>Hands the prepared upgrade over; this entry no longer owns it.</summary>
    public PreparedKeyUpgrade? TakeKeyUpgrade()
    {
        var upgrade = _upgrade;
        _upgrade = null;
        return upgrade;
    }

    /// <summary>Hands the identity over to a session keyring; this entry no longer owns it.</summary>
    public IKeyIdentity TakeIdentity()
    {
        var identity = Identity;
        _identity = null;
        return identity;
    }

    public void Dispose()
    {
        _identity?.Dispose();
        _identity = null;
        _upgrade?.Dispose();
        _upgrade = null;
        if (EnrolmentSecret is not null)
        {
            CryptographicOperations.ZeroMemory(EnrolmentSecret);
            EnrolmentSecret = null;
        }
    }
}
