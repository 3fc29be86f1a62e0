// The age X25519 identity (c2sp.org/age, "The X25519 recipient type"): a 32-byte
// secret scalar (RFC 7748), Bech32 with HRP "AGE-SECRET-KEY-" written uppercase.
// Unwrapping: for each "X25519" stanza, shared = X25519(identity, share); an all-zero
// shared secret aborts (header failure); wrap key = HKDF-SHA-256(shared, share ||
// recipient, "age-encryption.org/v1/X25519"); a body that fails to open means the stanza
// is for someone else. Secrets are wiped after use and on Dispose.
using System.Security.Cryptography;
using Intake.Crypto.Age.Header;
using Intake.Crypto.Age.Primitives;
using Intake.Crypto.Age.X25519;

namespace Intake.Crypto.Age;

/// <summary>An age X25519 secret key ("AGE-SECRET-KEY-1…").</summary>
public sealed class X25519Identity : IKeyIdentity
{
    internal const string Hrp = "AGE-SECRET-KEY-";

    private readonly byte[] _secret;
    private bool _disposed;

    private X25519Identity(byte[] secret)
    {
        _secret = secret;
        Recipient = new X25519Recipient(Curve25519.PublicKey(secret));
    }

    /// <summary>The public key matching this identity.</summary>
    public X25519Recipient Recipient { get; }

    IRecipient IKeyIdentity.PublicRecipient => Recipient;

    bool IKeyIdentity.IsPostQuantum => false;

    /// <summary>Generates a new identity from 32 bytes of CSPRNG output.</summary>
    public static X25519Identity Generate() => new(RandomNumberGenerator.GetBytes(Curve25519.KeySize));

    /// <summary>Builds an identity from its 32-byte secret scalar (copied).</summary>
    public static X25519Identity FromSecretKey(ReadOnlySpan<byte> secret32)
    {
        if (secret32.Length != Curve25519.KeySize)
        {
            throw new ArgumentException("An X25519 secret key is 32 bytes.", nameof(secret32));
        }

        return new X25519Identity(secret32.ToArray());
    }

    /// <summary>Parses "AGE-SECRET-KEY-1…"; throws <see cref="FormatException"/> when invalid.</summary>
    public static X25519Identity Parse(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        if (!Bech32.TryDecode(encoded, out string hrp, out byte[] data)
            || !string.Equals(hrp, Hrp, StringComparison.Ordinal)
            || data.Length != Curve25519.KeySize)
        {
            CryptographicOperations.ZeroMemory(data);
            throw new FormatException("Not a valid age X25519 identity.");
        }

        return new X25519Identity(data);
    }

    /// <summary>Encodes the secret key as age writes it. Handle the result as a secret.</summary>
    public string ExportSecretKey()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Bech32.Encode(Hrp, _secret, upperCase: true);
    }

    /// <summary>A copy of the 32-byte secret scalar, for internal derivations and tests.</summary>
    internal byte[] GetSecretKey()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return (byte[])_secret.Clone();
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_secret);
        _disposed = true;
    }

    byte[]? IIdentity.Unwrap(IReadOnlyList<Stanza> stanzas)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        byte[] shared = new byte[Curve25519.KeySize];
        byte[] wrapKey = new byte[AgeKdf.KeySize];
        try
        {
            foreach (Stanza stanza in stanzas)
            {
                if (stanza.Type != StanzaRules.X25519Type)
                {
                    continue;
                }

                byte[] share = StanzaRules.X25519Share(stanza);
                if (!Curve25519.TrySharedSecret(_secret, share, shared))
                {
                    throw new AgeHeaderException("X25519 stanza share is a low-order point.");
                }

                byte[] salt = [.. share, .. Recipient.PublicKey];
                AgeKdf.Hkdf(shared, salt, X25519Recipient.WrapLabel, wrapKey);
                byte[]? fileKey = AgeKdf.UnwrapFileKey(wrapKey, stanza.Body);
                if (fileKey is not null)
                {
                    return fileKey;
                }
            }

            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(shared);
            CryptographicOperations.ZeroMemory(wrapKey);
        }
    }
}
