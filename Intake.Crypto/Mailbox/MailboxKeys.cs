// Keys derived from a mailbox token's 15 entropy bytes with HKDF-SHA-256 (RFC 5869):
//   salt = "intake.mailbox/v1"
//   lookup id  = HKDF(ikm = entropy, salt, info = "intake.mailbox/v1/lookup-id", L = 32)
//   X25519 key = HKDF(ikm = entropy, salt, info = "intake.mailbox/v1/x25519-identity", L = 32)
// The X25519 key is used as an age identity's 32-byte secret scalar.
using System.Security.Cryptography;
using System.Text;
using Intake.Crypto.Age;

namespace Intake.Crypto.Mailbox;

/// <summary>The server-side lookup id and the age identity of a mailbox.</summary>
public sealed class MailboxKeys : IDisposable
{
    // Domain-separation salt: versions the whole derivation, so a future scheme can never
    // collide with these keys even from the same token.
    private const string Salt = "intake.mailbox/v1";

    // Info of the lookup id: the value the server stores and indexes. A separate label
    // keeps it independent of the decryption key, so knowing one reveals nothing of the other.
    private const string LookupIdInfo = "intake.mailbox/v1/lookup-id";

    // Info of the X25519 identity secret: the key that opens the reporter's mailbox.
    private const string IdentityInfo = "intake.mailbox/v1/x25519-identity";

    private const int OutputSize = 32;

    private readonly byte[] _lookupId;

    private MailboxKeys(byte[] lookupId, X25519Identity identity)
    {
        _lookupId = lookupId;
        Identity = identity;
    }

    /// <summary>A copy of the 32-byte lookup id (what the server stores and indexes).</summary>
#pragma warning disable CA1819 // The contract exposes the id as a byte array; each call returns a fresh copy.
    public byte[] LookupId => (byte[])_lookupId.Clone();
#pragma warning restore CA1819

    /// <summary>The lookup id in lowercase hex.</summary>
    public string LookupIdHex => Convert.ToHexStringLower(_lookupId);

    /// <summary>The mailbox's age identity.</summary>
    public X25519Identity Identity { get; }

    /// <summary>The mailbox's age recipient.</summary>
    public X25519Recipient Recipient => Identity.Recipient;

    internal static MailboxKeys Derive(ReadOnlySpan<byte> entropy)
    {
        byte[] salt = Encoding.ASCII.GetBytes(Salt);
        byte[] lookupId = new byte[OutputSize];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, entropy, lookupId, salt, Encoding.ASCII.GetBytes(LookupIdInfo));
        Span<byte> secret = stackalloc byte[OutputSize];
        try
        {
            HKDF.DeriveKey(HashAlgorithmName.SHA256, entropy, secret, salt, Encoding.ASCII.GetBytes(IdentityInfo));
            return new MailboxKeys(lookupId, X25519Identity.FromSecretKey(secret));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_lookupId);
        Identity.Dispose();
    }
}
