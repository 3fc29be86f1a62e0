// Keys derived from a mailbox token's 15 entropy bytes with HKDF-SHA-256 (RFC 5869):
//   salt = "intake.mailbox/v1"
//   lookup id  = HKDF(ikm = entropy, salt, info = "intake.mailbox/v1/lookup-id", L = 32)
//   X25519 key = HKDF(ikm = entropy, salt, info = "intake.mailbox/v1/x25519-identity", L = 32)
//   hybrid seed = HKDF(ikm = entropy, salt, info = "intake.mailbox/v1/mlkem768x25519-seed", L = 32)
//   authenticator = HKDF(ikm = entropy, salt, info = "intake.mailbox/v1/authenticator", L = 32)
//   verifier   = SHA-256(authenticator)
// The hybrid seed is an age hybrid post-quantum identity's 32-byte seed (AGE-SECRET-KEY-PQ-1…): the mailbox
// identity of every new case. The X25519 key is the age identity's 32-byte secret scalar of mailboxes opened
// before post-quantum keys; the token still derives it so that those mailboxes open. The server stores only the verifier; a
// request proves possession of the token by presenting the authenticator. The lookup id is the v1 value stored
// before the authenticator existed, used once to move such a case to its verifier (docs/mailbox-token.md).
using System.Security.Cryptography;
using System.Text;
using Intake.Crypto.Age;

namespace Intake.Crypto.Mailbox;

/// <summary>The authenticator, its stored verifier, the v1 lookup id and the age identity of a mailbox.</summary>
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

    // Info of the mailbox authenticator: what a request presents to prove it holds the token. Its own label, so
    // that it says nothing of the decryption key or the lookup id, and the stored verifier says nothing of it.
    // Info of the hybrid post-quantum identity seed: the key that opens the mailbox of every new case.
    private const string HybridSeedInfo = "intake.mailbox/v1/mlkem768x25519-seed";

    private const string AuthenticatorInfo = "intake.mailbox/v1/authenticator";

    private const int OutputSize = 32;

    private readonly byte[] _lookupId;
    private readonly byte[] _authenticator;

    private MailboxKeys(byte[] lookupId, byte[] authenticator, X25519Identity classic, HybridIdentity hybrid)
    {
        _lookupId = lookupId;
        _authenticator = authenticator;
        ClassicIdentity = classic;
        Identity = hybrid;
    }

#pragma warning disable CA1819 // The contract exposes the values as byte arrays; each call returns a fresh copy.
    /// <summary>A copy of the 32-byte v1 lookup id: stored by cases from before the authenticator, until their first visit.</summary>
    public byte[] LookupId => (byte[])_lookupId.Clone();

    /// <summary>A copy of the 32-byte authenticator: the proof of possession a request presents. Never stored.</summary>
    public byte[] Authenticator => (byte[])_authenticator.Clone();

    /// <summary>The verifier the server stores and finds the case by: SHA-256 of the authenticator.</summary>
    public byte[] Verifier => VerifierOf(_authenticator);
#pragma warning restore CA1819

    /// <summary>The authenticator in lowercase hex (what the mailbox script sends).</summary>
    public string AuthenticatorHex => Convert.ToHexStringLower(_authenticator);

    /// <summary>The verifier of a presented authenticator: SHA-256 over its 32 bytes.</summary>
    public static byte[] VerifierOf(ReadOnlySpan<byte> authenticator) => SHA256.HashData(authenticator);

    /// <summary>The lookup id in lowercase hex.</summary>
    public string LookupIdHex => Convert.ToHexStringLower(_lookupId);

    /// <summary>The mailbox's hybrid post-quantum age identity: what every new case's mailbox is sealed to.</summary>
    public HybridIdentity Identity { get; }

    /// <summary>The mailbox's hybrid post-quantum age recipient.</summary>
    public HybridRecipient Recipient => Identity.Recipient;

    /// <summary>The mailbox's X25519 identity, of mailboxes opened before post-quantum keys.</summary>
    public X25519Identity ClassicIdentity { get; }

    /// <summary>Both identities, hybrid first: what opens a mailbox's files, old or new.</summary>
    public IReadOnlyList<IKeyIdentity> Identities => [Identity, ClassicIdentity];

    internal static MailboxKeys Derive(ReadOnlySpan<byte> entropy)
    {
        byte[] salt = Encoding.ASCII.GetBytes(Salt);
        byte[] lookupId = new byte[OutputSize];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, entropy, lookupId, salt, Encoding.ASCII.GetBytes(LookupIdInfo));
        byte[] authenticator = new byte[OutputSize];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, entropy, authenticator, salt, Encoding.ASCII.GetBytes(AuthenticatorInfo));
        Span<byte> secret = stackalloc byte[OutputSize];
        Span<byte> seed = stackalloc byte[OutputSize];
        try
        {
            HKDF.DeriveKey(HashAlgorithmName.SHA256, entropy, secret, salt, Encoding.ASCII.GetBytes(IdentityInfo));
            HKDF.DeriveKey(HashAlgorithmName.SHA256, entropy, seed, salt, Encoding.ASCII.GetBytes(HybridSeedInfo));
            return new MailboxKeys(lookupId, authenticator, X25519Identity.FromSecretKey(secret), HybridIdentity.FromSeed(seed));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_lookupId);
        CryptographicOperations.ZeroMemory(_authenticator);
        Identity.Dispose();
        ClassicIdentity.Dispose();
    }
}
