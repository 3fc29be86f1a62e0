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
/// are needed to learn either. Nothing here is a secret in clear.
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

    public bool IsDisabled { get; set; }

    public DateOnly CreatedOn { get; set; }

    public bool TotpEnrolled => SealedTotpSecret is not null;
}
