// A case handler's identity at rest: the age-keygen key file text
//   "# created: <RFC 3339>\n# public key: age1…\nAGE-SECRET-KEY-1…\n" (or, hybrid post-quantum,
//   "# public key: age1pq1…\nAGE-SECRET-KEY-PQ-1…\n" as age-keygen -pq writes it)
// encrypted with an scrypt recipient, exactly as `age -p` does, so the age CLI can open it.
using System.Globalization;
using System.Text;

namespace Intake.Crypto.Age;

/// <summary>Seals a key identity (hybrid or X25519) under a passphrase in the age-keygen + age -p format, or to a passkey.</summary>
public static class SealedIdentity
{
    public static byte[] Seal(IKeyIdentity identity, string passphrase, int workFactor = 18, bool armor = false) =>
        Seal(identity, new ScryptRecipient(passphrase, workFactor), armor);

    /// <summary>Seals the key file to another recipient (a passkey's <see cref="Fido2PrfRecipient"/>).</summary>
    public static byte[] Seal(IKeyIdentity identity, IRecipient recipient, bool armor = false)
    {
        ArgumentNullException.ThrowIfNull(identity);
        string created = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        string text = $"# created: {created}\n# public key: {AgeKeys.Encode(identity.PublicRecipient)}\n{identity.ExportSecretKey()}\n";
        byte[] plaintext = Encoding.ASCII.GetBytes(text);
        try
        {
            return AgeFile.Encrypt(plaintext, [recipient], armor);
        }
        finally
        {
            Array.Clear(plaintext);
        }
    }

    public static IKeyIdentity Open(ReadOnlySpan<byte> sealedFile, string passphrase, int maxWorkFactor = 22)
    {
        using ScryptIdentity scrypt = new(passphrase, maxWorkFactor);
        return Open(sealedFile, scrypt);
    }

    /// <summary>Opens the key file with another identity (a passkey's <see cref="Fido2PrfIdentity"/>).</summary>
    public static IKeyIdentity Open(ReadOnlySpan<byte> sealedFile, IIdentity opener)
    {
        ArgumentNullException.ThrowIfNull(opener);
        byte[] plaintext = AgeFile.Decrypt(sealedFile, [opener]);
        try
        {
            IReadOnlyList<IKeyIdentity> identities;
            try
            {
                identities = AgeIdentityFile.ParseAny(Encoding.UTF8.GetString(plaintext));
            }
            catch (FormatException ex)
            {
                throw new AgePayloadException("The sealed file does not contain an identity.", ex);
            }

            if (identities.Count != 1)
            {
                foreach (IKeyIdentity identity in identities)
                {
                    identity.Dispose();
                }

                throw new AgePayloadException("The sealed file must contain exactly one identity.");
            }

            return identities[0];
        }
        finally
        {
            Array.Clear(plaintext);
        }
    }
}
