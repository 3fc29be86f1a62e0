// The age hybrid post-quantum identity (c2sp.org/age, "The MLKEM768-X25519 (i.e.
// X-Wing) hybrid post-quantum recipient type"; reference: filippo.io/age v1.3, pq.go).
// A 32-byte seed from the CSPRNG, Bech32 with HRP "AGE-SECRET-KEY-PQ-" written
// uppercase; the key pair is expanded from it as MlKem768X25519 describes. Unwrapping:
// stanzas whose first argument is not "mlkem768x25519" are ignored; a malformed one
// (argument count, non-canonical or wrong-size enc, body not 32 bytes) or an enc whose
// X25519 part gives the all-zero shared secret is a header failure; HPKE OpenBase that
// fails means the stanza is for someone else. Only the seed is kept; the expanded key
// lives for one unwrap and is wiped after it, the seed on Dispose.
using System.Security.Cryptography;
using Intake.Crypto.Age.Header;
using Intake.Crypto.Age.Hybrid;
using Intake.Crypto.Age.X25519;

namespace Intake.Crypto.Age;

/// <summary>An age hybrid post-quantum secret key ("AGE-SECRET-KEY-PQ-1…").</summary>
public sealed class HybridIdentity : IKeyIdentity
{
    internal const string Hrp = "AGE-SECRET-KEY-PQ-";

    private readonly byte[] _seed;
    private bool _disposed;

    private HybridIdentity(byte[] seed)
    {
        _seed = seed;
        using MlKem768X25519.PrivateKey key = MlKem768X25519.Expand(seed);
        Recipient = HybridRecipient.FromPublicKey(key.PublicKeyBytes())
            ?? throw new InvalidOperationException("The derived public key is not valid.");
    }

    /// <summary>The public key matching this identity.</summary>
    public HybridRecipient Recipient { get; }

    IRecipient IKeyIdentity.PublicRecipient => Recipient;

    bool IKeyIdentity.IsPostQuantum => true;

    /// <summary>Generates a new identity from 32 bytes of CSPRNG output.</summary>
    public static HybridIdentity Generate() => new(RandomNumberGenerator.GetBytes(MlKem768X25519.SeedSize));

    /// <summary>Builds an identity from its 32-byte seed (copied).</summary>
    public static HybridIdentity FromSeed(ReadOnlySpan<byte> seed32)
    {
        if (seed32.Length != MlKem768X25519.SeedSize)
        {
            throw new ArgumentException("A hybrid identity seed is 32 bytes.", nameof(seed32));
        }

        return new HybridIdentity(seed32.ToArray());
    }

    /// <summary>Parses "AGE-SECRET-KEY-PQ-1…"; throws <see cref="FormatException"/> when invalid.</summary>
    public static HybridIdentity Parse(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        if (!Bech32.TryDecode(encoded, out string hrp, out byte[] data)
            || !string.Equals(hrp, Hrp, StringComparison.Ordinal)
            || data.Length != MlKem768X25519.SeedSize)
        {
            CryptographicOperations.ZeroMemory(data);
            throw new FormatException("Not a valid age hybrid post-quantum identity.");
        }

        return new HybridIdentity(data);
    }

    /// <summary>Encodes the seed as age writes it. Handle the result as a secret.</summary>
    public string ExportSecretKey()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Bech32.Encode(Hrp, _seed, upperCase: true);
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_seed);
        _disposed = true;
    }

    byte[]? IIdentity.Unwrap(IReadOnlyList<Stanza> stanzas)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!stanzas.Any(s => s.Type == StanzaRules.MlKem768X25519Type))
        {
            return null;
        }

        byte[] sharedSecret = new byte[MlKem768X25519.SharedSecretSize];
        using MlKem768X25519.PrivateKey key = MlKem768X25519.Expand(_seed);
        try
        {
            foreach (Stanza stanza in stanzas)
            {
                if (stanza.Type != StanzaRules.MlKem768X25519Type)
                {
                    continue;
                }

                byte[] enc = StanzaRules.MlKem768X25519Enc(stanza);
                if (!MlKem768X25519.TryDecapsulate(key, enc, sharedSecret))
                {
                    throw new AgeHeaderException("mlkem768x25519 stanza enc has a low-order X25519 point.");
                }

                byte[]? fileKey = HpkeBase.Open(MlKem768X25519.KemId, sharedSecret, HybridRecipient.Info, stanza.Body);
                if (fileKey is not null)
                {
                    return fileKey;
                }
            }

            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(sharedSecret);
        }
    }
}
