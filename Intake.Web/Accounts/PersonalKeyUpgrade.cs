using Intake.Crypto.Age;
using Intake.Web.Audit;
using Intake.Web.Keys;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Accounts;

/// <summary>
/// Makes a personal identity from before post-quantum keys a hybrid one, at its owner's sign-in with the
/// passphrase: the new identity is sealed with the passphrase while it is at hand (<see cref="Prepare"/>), and once
/// the second factor is checked (<see cref="Record"/>) every channel key wrap of the person is opened with the old
/// identity and wrapped to the new one, the TOTP secret is sealed to it, and the passkeys that held the old identity
/// keep proving the person but no longer unlock a key (they cannot be sealed to the new one without the passkey;
/// adding them again restores that). All in the sign-in's unit of work, so nothing half-done is ever saved.
/// </summary>
public sealed class PersonalKeyUpgrade(IntakeDbContext db, StaffKeys staffKeys, AuditLog audit)
{
    /// <summary>A hybrid identity sealed with the passphrase, or null when <paramref name="current"/> is hybrid already.</summary>
    public PreparedKeyUpgrade? Prepare(IKeyIdentity current, string passphrase)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (current.IsPostQuantum)
        {
            return null;
        }

        var fresh = AgeKeys.Generate();
        return new PreparedKeyUpgrade(fresh, staffKeys.Reseal(fresh, passphrase));
    }

    /// <summary>
    /// Records the move into the unit of work (not saved) and returns the identity the session is to hold: the new
    /// one, or <paramref name="current"/> unchanged when the account moved meanwhile (another sign-in upgraded it).
    /// </summary>
    public async Task<IKeyIdentity> RecordAsync(StaffUser user, IKeyIdentity current, PreparedKeyUpgrade upgrade, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(upgrade);
        if (!string.Equals(user.Recipient, AgeKeys.Encode(current.PublicRecipient), StringComparison.Ordinal))
        {
            upgrade.Dispose();
            return current;
        }

        var fresh = upgrade.TakeIdentity();
        var recipient = AgeKeys.Encode(fresh.PublicRecipient);
        foreach (var wrap in await db.ChannelKeyWraps.Where(w => w.UserId == user.Id).ToListAsync(cancellationToken))
        {
            wrap.WrappedIdentity = KeyWrapping.Rewrap(wrap.WrappedIdentity, current, recipient);
        }

        if (user.SealedTotpSecret is not null)
        {
            var secret = StaffKeys.OpenTotpSecret(user.SealedTotpSecret, current);
            try
            {
                user.SealedTotpSecret = StaffKeys.SealTotpSecret(secret, recipient);
            }
            finally
            {
                StaffKeys.Wipe(secret);
            }
        }

        foreach (var passkey in await db.StaffPasskeys.Where(p => p.StaffUserId == user.Id && p.SealedIdentity != null).ToListAsync(cancellationToken))
        {
            passkey.SealedIdentity = null;
        }

        user.SealedIdentity = upgrade.Sealed;
        user.Recipient = recipient;
        audit.Record(AuditKinds.PersonalKeyUpgraded, user.Id, user.Id);
        current.Dispose();
        return fresh;
    }
}

/// <summary>A new hybrid personal identity and its passphrase-sealed copy, waiting for the second factor.</summary>
public sealed class PreparedKeyUpgrade(IKeyIdentity fresh, byte[] sealedIdentity) : IDisposable
{
    private IKeyIdentity? _fresh = fresh;

#pragma warning disable CA1819 // The sealed copy is stored as it is.
    public byte[] Sealed { get; } = sealedIdentity;
#pragma warning restore CA1819

    /// <summary>The prepared identity as age writes it, to seal it with a pending sign-in. Handle it as a secret.</summary>
    public string ExportIdentity() => (_fresh ?? throw new ObjectDisposedException(nameof(PreparedKeyUpgrade))).ExportSecretKey();

    /// <summary>Hands the identity over; this no longer owns it.</summary>
    public IKeyIdentity TakeIdentity()
    {
        var fresh = _fresh ?? throw new ObjectDisposedException(nameof(PreparedKeyUpgrade));
        _fresh = null;
        return fresh;
    }

    public void Dispose()
    {
        _fresh?.Dispose();
        _fresh = null;
    }
}
