using System.Security.Cryptography;
using System.Text;
using Intake.Crypto.Age;

namespace Intake.Web.Keys;

/// <summary>
/// Wrapping an identity for a holder: the identity's <c>AGE-SECRET-KEY-1…</c> line as an age file encrypted to the
/// holder's recipient. Decrypting a wrap with <c>age -d -i holder.key wrap.age</c> gives a valid identity file, so
/// every channel key can be recovered offline with the stock tool.
/// </summary>
public static class KeyWrapping
{
    public static byte[] Wrap(IKeyIdentity identity, string holderRecipient)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var recipient = AgeKeys.ParseRecipient(holderRecipient);
        var line = Encoding.ASCII.GetBytes(identity.ExportSecretKey() + "\n");
        try
        {
            return AgeFile.Encrypt(line, [recipient]);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(line);
        }
    }

    /// <summary>A wrap the holder's identity opens, wrapped again to <paramref name="newHolderRecipient"/>.</summary>
    public static byte[] Rewrap(byte[] wrap, IKeyIdentity holder, string newHolderRecipient)
    {
        using var identity = Unwrap(wrap, holder);
        return Wrap(identity, newHolderRecipient);
    }

    /// <summary>Opens a wrap with the holder's identity; throws <see cref="AgeException"/> if it is not theirs.</summary>
    public static IKeyIdentity Unwrap(byte[] wrap, IKeyIdentity holder)
    {
        ArgumentNullException.ThrowIfNull(holder);
        var line = AgeFile.Decrypt(wrap, [holder]);
        try
        {
            return AgeKeys.ParseIdentity(Encoding.ASCII.GetString(line).Trim());
        }
        finally
        {
            CryptographicOperations.ZeroMemory(line);
        }
    }
}
