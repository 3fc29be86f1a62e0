using System.Buffers.Binary;
using System.Security.Cryptography;
using Intake.Crypto.Age;
using Microsoft.AspNetCore.DataProtection;

namespace Intake.Web.Mailbox;

/// <summary>
/// Proof that a request holds a mailbox's age identity, for the one move of a case from before the authenticator
/// (docs/mailbox-token.md): the server seals 32 random bytes to the case's mailbox recipient and returns them with
/// an encrypted, two-minute state; the script opens them with the mailbox identity and sends them back. The v1
/// lookup id alone, which the database held, cannot pass it.
/// </summary>
public sealed class MailboxChallenge(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string StateHeader = "Intake-Mailbox-Challenge";
    public const string ProofHeader = "Intake-Mailbox-Proof";
    private const int NonceSize = 32;
    private static readonly TimeSpan _lifetime = TimeSpan.FromMinutes(2);

    /// <summary>A new challenge for the case: the sealed bytes (base64 age file) and the state to send back.</summary>
    public (string Challenge, string State) Issue(Guid caseId, string mailboxRecipient)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var payload = new byte[16 + 8 + NonceSize];
        try
        {
            caseId.TryWriteBytes(payload);
            BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(16), (clock.GetUtcNow() + _lifetime).ToUnixTimeSeconds());
            nonce.CopyTo(payload, 24);
            var sealedNonce = AgeFile.Encrypt(nonce, [AgeKeys.ParseRecipient(mailboxRecipient)]);
            return (Convert.ToBase64String(sealedNonce), Convert.ToBase64String(Protector().Protect(payload)));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(nonce);
            CryptographicOperations.ZeroMemory(payload);
        }
    }

    /// <summary>Whether <paramref name="proofHex"/> is the opened challenge of <paramref name="state"/> for this case, in time.</summary>
    public bool Verify(Guid caseId, string state, string proofHex)
    {
        if (proofHex.Length != NonceSize * 2 || !proofHex.All(char.IsAsciiHexDigitLower))
        {
            return false;
        }

        byte[] payload;
        try
        {
            payload = Protector().Unprotect(Convert.FromBase64String(state));
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            return false;
        }

        try
        {
            return payload.Length == 16 + 8 + NonceSize
                && new Guid(payload.AsSpan(0, 16)) == caseId
                && clock.GetUtcNow().ToUnixTimeSeconds() < BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(16))
                && CryptographicOperations.FixedTimeEquals(payload.AsSpan(24), Convert.FromHexString(proofHex));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(payload);
        }
    }

    private IDataProtector Protector() => protection.CreateProtector("Intake.Mailbox.LegacyChallenge");
}
