// The age X25519 recipient (c2sp.org/age, "The X25519 recipient type"): a 32-byte
// Curve25519 public key, Bech32 with HRP "age" (lowercase). Wrapping: ephemeral
// secret (32 bytes CSPRNG), share = X25519(eph, basepoint), shared = X25519(eph,
// recipient), wrap key = HKDF-SHA-256(shared, salt = share || recipient,
// info = "age-encryption.org/v1/X25519"), body = ChaCha20-Poly1305(wrap key, zero
// nonce, file key) (32 bytes); stanza "-> X25519 <base64 share>".
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Intake.Crypto.Age.Header;
using Intake.Crypto.Age.Primitives;
using Intake.Crypto.Age.X25519;

namespace Intake.Crypto.Age;

/// <summary>An age X25519 public key ("age1…").</summary>
public sealed class X25519Recipient : IRecipient, IEquatable<X25519Recipient>
{
    internal const string Hrp = "age";

    // HKDF info of the X25519 wrap key, fixed by the age v1 spec.
    internal static readonly byte[] WrapLabel = Encoding.ASCII.GetBytes("age-encryption.org/v1/X25519");

    private readonly byte[] _publicKey;

    internal X25519Recipient(byte[] publicKey)
    {
        _publicKey = publicKey;
    }

    /// <summary>The 32-byte Curve25519 public key.</summary>
    public ReadOnlySpan<byte> PublicKey => _publicKey;

    /// <summary>A copy of the 32-byte public key.</summary>
    public byte[] GetPublicKey() => (byte[])_publicKey.Clone();

    /// <summary>Parses an "age1…" recipient; throws <see cref="FormatException"/> when invalid.</summary>
    public static X25519Recipient Parse(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        return TryParse(encoded, out X25519Recipient? recipient)
            ? recipient
            : throw new FormatException("Not a valid age X25519 recipient.");
    }

    /// <summary>Parses an "age1…" recipient; false when invalid.</summary>
    public static bool TryParse([NotNullWhen(true)] string? encoded, [NotNullWhen(true)] out X25519Recipient? recipient)
    {
        recipient = null;
        if (encoded is null
            || !Bech32.TryDecode(encoded, out string hrp, out byte[] data)
            || !string.Equals(hrp, Hrp, StringComparison.Ordinal)
            || data.Length != Curve25519.KeySize
            || Curve25519.IsLowOrder(data))
        {
            return false;
        }

        recipient = new X25519Recipient(data);
        return true;
    }

    public override string ToString() => Bech32.Encode(Hrp, _publicKey, upperCase: false);

    public bool Equals(X25519Recipient? other)
        => other is not null && CryptographicOperations.FixedTimeEquals(_publicKey, other._publicKey);

    public override bool Equals(object? obj) => Equals(obj as X25519Recipient);

    public override int GetHashCode() => BitConverter.ToInt32(_publicKey, 0);

    public static bool operator ==(X25519Recipient? left, X25519Recipient? right)
        => left is null ? right is null : left.Equals(right);

    public static bool operator !=(X25519Recipient? left, X25519Recipient? right) => !(left == right);

    bool IRecipient.RequiresSoleStanza => false;

    bool IRecipient.IsPostQuantum => false;

    Stanza IRecipient.Wrap(ReadOnlySpan<byte> fileKey)
    {
        byte[] ephemeral = RandomNumberGenerator.GetBytes(Curve25519.KeySize);
        byte[] shared = new byte[Curve25519.KeySize];
        byte[] wrapKey = new byte[AgeKdf.KeySize];
        try
        {
            byte[] share = Curve25519.PublicKey(ephemeral);
            if (!Curve25519.TrySharedSecret(ephemeral, _publicKey, shared))
            {
                throw new InvalidOperationException("The recipient public key is not usable.");
            }

            byte[] salt = [.. share, .. _publicKey];
            AgeKdf.Hkdf(shared, salt, WrapLabel, wrapKey);
            byte[] body = AgeKdf.WrapFileKey(wrapKey, fileKey);
            return new Stanza([StanzaRules.X25519Type, CanonicalBase64.EncodeRaw(share)], body);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(ephemeral);
            CryptographicOperations.ZeroMemory(shared);
            CryptographicOperations.ZeroMemory(wrapKey);
        }
    }
}
