namespace Intake.Web.Accounts;

public enum StaffRole
{
    Handler = 0,
    Administrator = 1,

    /// <summary>Sees the statistics of every channel and nothing else: no inbox, no case, no audit log, no key.</summary>
    Statistics = 2,
}

/// <summary>
/// A staff account. Its personal age identity is stored only sealed with the passphrase (an scrypt age file,
/// openable offline with <c>age -d</c>); its TOTP secret only sealed to that identity's recipient, so both factors
/// are needed to learn either. Nothing here is a secret in clear. A new or reset account waits for its owner:
/// until activated its identity is sealed with the one-time activation code, and it cannot sign in or be granted.
/// </summary>
public sealed class StaffUser
{
    public Guid Id { get; set; }

    /// <summary>Lower-case, trimmed: the form used for look-ups and uniqueness.</summary>
    public string Username { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    public StaffRole Role { get; set; }

    public byte[] SealedIdentity { get; set; } = [];

    /// <summary>The personal recipient (<c>age1…</c>) that channel identities are wrapped to.</summary>
    public string Recipient { get; set; } = string.Empty;

    /// <summary>The TOTP secret as an age file to <see cref="Recipient"/>; null until enrolled.</summary>
    public byte[]? SealedTotpSecret { get; set; }

    /// <summary>The last TOTP time step accepted, so a code cannot be replayed.</summary>
    public long LastTotpStep { get; set; }

    /// <summary>Deactivated (the person left): kept for the audit trail, cannot sign in, holds no channel.</summary>
    public bool IsDisabled { get; set; }

    public DateOnly CreatedOn { get; set; }

    /// <summary>The day of the last reset by an administrator; null if never reset.</summary>
    public DateOnly? ResetOn { get; set; }

    /// <summary>The day the account was deactivated; null while it is in use.</summary>
    public DateOnly? DeactivatedOn { get; set; }

    /// <summary>The hash of the one-time activation code (<see cref="ActivationCodes"/>); null once activated.</summary>
    public byte[]? ActivationCodeHash { get; set; }

    public DateTimeOffset? ActivationExpiresAt { get; set; }

    /// <summary>When the owner activated the account with their own passphrase; null until then.</summary>
    public DateTimeOffset? ActivatedAt { get; set; }

    public bool TotpEnrolled => SealedTotpSecret is not null;

    public bool IsActivated => ActivatedAt is not null;

    /// <summary>The day the current credentials were issued: the creation or the last reset.</summary>
    public DateOnly IssuedOn => ResetOn is { } reset && reset > CreatedOn ? reset : CreatedOn;
}
