namespace Intake.Web.Accounts.Passkeys;

/// <summary>
/// A passkey a staff member registered: the credential's id, public key and signature counter, the name its owner
/// gave it, and, when the passkey has the PRF extension, the owner's personal identity sealed to it as an age file
/// with one <c>age-encryption.org/fido2prf</c> stanza. No PRF output nor anything derived from one is kept.
/// </summary>
public sealed class StaffPasskey
{
    public Guid Id { get; set; }

    public Guid StaffUserId { get; set; }

    /// <summary>The WebAuthn credential id, as the authenticator made it (at most 1023 bytes).</summary>
    public byte[] CredentialId { get; set; } = [];

    /// <summary>The credential's public key, COSE-encoded.</summary>
    public byte[] PublicKey { get; set; } = [];

    public uint SignatureCounter { get; set; }

    public string Name { get; set; } = string.Empty;

    public DateOnly CreatedOn { get; set; }

    /// <summary>The day of the last sign-in with this passkey; null if never used to sign in.</summary>
    public DateOnly? LastUsedOn { get; set; }

    /// <summary>The personal identity sealed to this passkey's PRF (age fido2prf); null without PRF (second factor only).</summary>
    public byte[]? SealedIdentity { get; set; }

    public bool UnlocksKey => SealedIdentity is not null;
}
