using System.Security.Cryptography;
using Intake.Crypto.Age;
using Intake.Web.Keys;
using Microsoft.Extensions.Options;

namespace Intake.Web.Accounts;

/// <summary>
/// A staff member's personal identity, sealed with their passphrase exactly as <c>age -p</c> seals a key file,
/// and their TOTP secret, sealed to that identity's recipient.
/// </summary>
public sealed class StaffKeys(IOptions<KeyOptions> options)
{
    private readonly KeyOptions _options = options.Value;

    /// <summary>Generates a new personal identity and returns it sealed, with its recipient.</summary>
    public (byte[] Sealed, string Recipient) CreateIdentity(string passphrase)
    {
        using var identity = AgeKeys.Generate();
        return (SealedIdentity.Seal(identity, passphrase, _options.ScryptWorkFactor), AgeKeys.Encode(identity.PublicRecipient));
    }

    /// <summary>Re-seals an unlocked identity under a new passphrase.</summary>
    public byte[] Reseal(IKeyIdentity identity, string passphrase) =>
        SealedIdentity.Seal(identity, passphrase, _options.ScryptWorkFactor);

    /// <summary>Opens the sealed identity; null when the passphrase is wrong or the file is not a sealed identity.</summary>
    public IKeyIdentity? TryOpen(byte[] sealedIdentity, string passphrase)
    {
        try
        {
            return SealedIdentity.Open(sealedIdentity, passphrase, _options.MaxScryptWorkFactor);
        }
        catch (Exception ex) when (ex is AgeException or ArgumentException)
        {
            return null;
        }
    }

    public static byte[] SealTotpSecret(byte[] secret, string recipient) =>
        AgeFile.Encrypt(secret, [AgeKeys.ParseRecipient(recipient)]);

    public static byte[] OpenTotpSecret(byte[] sealedSecret, IKeyIdentity identity) =>
        AgeFile.Decrypt(sealedSecret, [identity]);

    public static void Wipe(byte[]? secret)
    {
        if (secret is not null)
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }
}
