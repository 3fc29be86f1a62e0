// The age hybrid post-quantum recipient (c2sp.org/age, "The MLKEM768-X25519 (i.e.
// X-Wing) hybrid post-quantum recipient type"; reference: filippo.io/age v1.3, pq.go).
// Encoding: Bech32 with HRP "age1pq" (lowercase) of the 1 216-byte MLKEM768-X25519
// public key (ML-KEM-768 encapsulation key 1 184 || X25519 point 32), about 1 960
// characters. Wrapping: HPKE SealBase (RFC 9180) with KEM MLKEM768-X25519 (0x647a),
// HKDF-SHA256, ChaCha20Poly1305, info "age-encryption.org/mlkem768x25519", empty aad,
// over the 16-byte file key; stanza "-> mlkem768x25519 <base64 enc (1 120 bytes)>" with
// the 32-byte HPKE ciphertext as body. Post-quantum: never mixed with classic recipients.
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Intake.Crypto.Age.Header;
using Intake.Crypto.Age.Hybrid;
using Intake.Crypto.Age.Primitives;
using Intake.Crypto.Age.X25519;
using Org.BouncyCastle.Crypto.Parameters;

namespace Intake.Crypto.Age;

/// <summary>An age hybrid post-quantum public key ("age1pq1…").</summary>
public sealed class HybridRecipient : IRecipient, IEquatable<HybridRecipient>
{
    internal const string Hrp = "age1pq";

    // HPKE info of the stanza, fixed by the age spec: binds the HPKE context to age's use.
    internal static readonly byte[] Info = Encoding.ASCII.GetBytes("age-encryption.org/mlkem768x25519");

    private readonly byte[] _publicKey;
    private readonly MLKemPublicKeyParameters _mlKem;
    private readonly byte[] _x25519;

    private HybridRecipient(byte[] publicKey, MLKemPublicKeyParameters mlKem)
    {
        _publicKey = publicKey;
        _mlKem = mlKem;
        _x25519 = publicKey[MlKem768X25519.MlKemEncapsulationKeySize..];
    }

    /// <summary>The 1 216-byte public key (ML-KEM-768 encapsulation key || X25519 point).</summary>
    public ReadOnlySpan<byte> PublicKey => _publicKey;

    /// <summary>A copy of the 1 216-byte public key.</summary>
    public byte[] GetPublicKey() => (byte[])_publicKey.Clone();

    /// <summary>Parses an "age1pq1…" recipient; throws <see cref="FormatException"/> when invalid.</summary>
    public static HybridRecipient Parse(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        return TryParse(encoded, out HybridRecipient? recipient)
            ? recipient
            : throw new FormatException("Not a valid age hybrid post-quantum recipient.");
    }

    /// <summary>Parses an "age1pq1…" recipient; false when invalid.</summary>
    public static bool TryParse([NotNullWhen(true)] string? encoded, [NotNullWhen(true)] out HybridRecipient? recipient)
    {
        recipient = null;
        if (encoded is null
            || !Bech32.TryDecode(encoded, out string hrp, out byte[] data)
            || !string.Equals(hrp, Hrp, StringComparison.Ordinal))
        {
            return false;
        }

        recipient = FromPublicKey(data);
        return recipient is not null;
    }

    /// <summary>Builds a recipient from a checked 1 216-byte public key, or null when it is not valid.</summary>
    internal static HybridRecipient? FromPublicKey(byte[] publicKey)
    {
        MLKemPublicKeyParameters? mlKem = MlKem768X25519.TryParsePublicKey(publicKey);
        return mlKem is null ? null : new HybridRecipient(publicKey, mlKem);
    }

    public override string ToString() => Bech32.Encode(Hrp, _publicKey, upperCase: false);

    public bool Equals(HybridRecipient? other)
        => other is not null && CryptographicOperations.FixedTimeEquals(_publicKey, other._publicKey);

    public override bool Equals(object? obj) => Equals(obj as HybridRecipient);

    public override int GetHashCode() => BitConverter.ToInt32(_publicKey, MlKem768X25519.MlKemEncapsulationKeySize);

    public static bool operator ==(HybridRecipient? left, HybridRecipient? right)
        => left is null ? right is null : left.Equals(right);

    public static bool operator !=(HybridRecipient? left, HybridRecipient? right) => !(left == right);

    bool IRecipient.RequiresSoleStanza => false;

    bool IRecipient.IsPostQuantum => true;

    Stanza IRecipient.Wrap(ReadOnlySpan<byte> fileKey)
    {
        byte[] sharedSecret = new byte[MlKem768X25519.SharedSecretSize];
        try
        {
            byte[] enc = MlKem768X25519.Encapsulate(_mlKem, _x25519, sharedSecret);
            byte[] body = HpkeBase.Seal(MlKem768X25519.KemId, sharedSecret, Info, fileKey);
            return new Stanza([StanzaRules.MlKem768X25519Type, CanonicalBase64.EncodeRaw(enc)], body);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(sharedSecret);
        }
    }
}
