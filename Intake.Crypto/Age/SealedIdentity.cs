// A case handler's identity at rest: the age-keygen key file text
//   "# created: <RFC 3339>\n# public key: age1…\nAGE-SECRET-KEY-1…\n"
// encrypted with an scrypt recipient, exactly as `age -p` does, so the age CLI can open it.
using System.Globalization;
using System.Text;

namespace Intake.Crypto.Age;

/// <summary>Seals an X25519 identity under a passphrase in the age-keygen + age -p format, or to a passkey.</summary>
public static class SealedIdentity
{
    public static byte[] Seal(X25519Identity identity, string passphrase, int workFactor = 18, bool armor = false) =>
        Seal(identity, new ScryptRecipient(passphrase, workFactor), armor);

    /// <summary>Seals the key file to another recipient (a passkey's <see cref="Fido2PrfRecipient"/>).</summary>
    public static byte[] Seal(X25519Identity identity, IRecipient recipient, bool armor = false)
    {
        ArgumentNullException.ThrowIfNull(identity);
        string created = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        string text = $"# created: {created}\n# public key: {identity.Recipient}\n{identity.ExportSecretKey()}\n";
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

    public static X25519Identity Open(ReadOnlySpan<byte> sealedFile, string passphrase, int maxWorkFactor = 22)
    {
        using ScryptIdentity scrypt = new(passphrase, maxWorkFactor);
        return Open(sealedFile, scrypt);
    }

    /// <summary>Opens the key file with another identity (a passkey's <see cref="Fido2PrfIdentity"/>).</summary>
    public static X25519Identity Open(ReadOnlySpan<byte> sealedFile, IIdentity opener)
    {
        ArgumentNullException.ThrowIfNull(opener);
        byte[] plaintext = AgeFile.Decrypt(sealedFile, [opener]);
        try
        {
            IReadOnlyList<X25519Identity> identities;
            try
            {
                identities = AgeIdentityFile.Parse(Encoding.UTF8.GetString(plaintext));
            }
            catch (FormatException ex)
            {
                throw new AgePayloadException("The sealed file does not contain an identity.", ex);
            }

            if (identities.Count != 1)
            {
                foreach (X25519Identity identity in identities)
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
