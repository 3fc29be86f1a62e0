using System.Security.Cryptography;
using Intake.Crypto.Age;
using Intake.Web.Keys.Sessions;
using Microsoft.Extensions.Options;

namespace Intake.Web.Accounts;

/// <summary>
/// Sign-ins between the passphrase and the second factor: the personal identity the passphrase unlocked waits, for a
/// few minutes at most, sealed in a database row under the secret of a short-lived encrypted cookie
/// (<see cref="StaffSession"/>), so that the second factor may reach any application node. The entries this
/// request opened are wiped when the request ends.
/// </summary>
public sealed class PendingSignIns(StaffSessions sessions, IOptions<SessionOptions> options) : IDisposable
{
    public const int MaxCodeAttempts = 5;

    private readonly List<PendingSignIn> _opened = [];

    /// <summary>Seals the sign-in and returns the secret for its cookie; <paramref name="identity"/> and <paramref name="upgrade"/> are wiped.</summary>
    /// <param name="deviceId">The known device the passphrase came from, if any: the code's failures count against it.</param>
    /// <param name="upgrade">A hybrid identity prepared to replace <paramref name="identity"/> once the second factor is checked.</param>
    public async Task<string> CreateAsync(
        Guid userId, IKeyIdentity identity, string? deviceId = null, PreparedKeyUpgrade? upgrade = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(identity);
        try
        {
            using var fresh = upgrade?.TakeIdentity();
            var secrets = new SessionSecrets(identity.ExportSecretKey())
            {
                DeviceId = deviceId,
                UpgradeIdentity = fresh?.ExportSecretKey(),
                UpgradeSealed = upgrade?.Sealed,
            };
            var timeout = options.Value.SecondFactorTimeout;
            var (secret, _) = await sessions.CreateAsync(StaffSessionKind.Pending, userId, secrets, timeout, timeout, cancellationToken);
            return secret;
        }
        finally
        {
            identity.Dispose();
            upgrade?.Dispose();
        }
    }

    /// <summary>The live pending sign-in of the secret, opened for this request; null when there is none.</summary>
    public async Task<PendingSignIn?> GetAsync(string? secret, CancellationToken cancellationToken = default)
    {
        var row = await sessions.FindLiveAsync(secret, StaffSessionKind.Pending, cancellationToken);
        if (row is null || StaffSessions.Open(secret!, row) is not { } secrets)
        {
            return null;
        }

        var upgrade = secrets is { UpgradeIdentity: { } fresh, UpgradeSealed: { } sealedFresh }
            ? new PreparedKeyUpgrade(AgeKeys.ParseIdentity(fresh), sealedFresh)
            : null;
        var entry = new PendingSignIn(row.UserId, AgeKeys.ParseIdentity(secrets.Personal), secret!, row.Id)
        {
            DeviceId = secrets.DeviceId,
            EnrolmentSecret = secrets.Enrolment,
            KeyUpgrade = upgrade,
            CodeAttempts = row.CodeAttempts,
        };
        _opened.Add(entry);
        return entry;
    }

    /// <summary>Keeps the TOTP secret being enrolled with the sign-in, for the code step (on any node).</summary>
    public async Task SaveEnrolmentAsync(PendingSignIn entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var secrets = new SessionSecrets(entry.Identity.ExportSecretKey())
        {
            DeviceId = entry.DeviceId,
            Enrolment = entry.EnrolmentSecret,
            UpgradeIdentity = entry.KeyUpgrade?.ExportIdentity(),
            UpgradeSealed = entry.KeyUpgrade?.Sealed,
        };
        await sessions.ResealAsync(entry.Secret, entry.RowId, secrets, cancellationToken);
    }

    /// <summary>Counts a wrong second factor; the entry's attempts become those of every node.</summary>
    public async Task RecordFailureAsync(PendingSignIn entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        entry.CodeAttempts = await sessions.RecordCodeFailureAsync(entry.RowId, cancellationToken);
    }

    /// <summary>Ends the pending sign-in; false when another request ended it first.</summary>
    public async Task<bool> RemoveAsync(string? secret, CancellationToken cancellationToken = default) =>
        SessionSeal.RowId(secret) is { } rowId && await sessions.DeleteAsync(rowId, cancellationToken) == 1;

    public void Dispose()
    {
        foreach (var entry in _opened)
        {
            entry.Dispose();
        }

        _opened.Clear();
    }
}

public sealed class PendingSignIn(Guid userId, IKeyIdentity identity, string secret, string rowId) : IDisposable
{
    private IKeyIdentity? _identity = identity;
    private PreparedKeyUpgrade? _upgrade;

    public Guid UserId { get; } = userId;

    /// <summary>The cookie secret the sign-in was opened with.</summary>
    public string Secret { get; } = secret;

    public string RowId { get; } = rowId;

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
