// The fido2prf stanza of the age-encryption TypeScript implementation (npm age-encryption 0.3.1,
// WebAuthnRecipient/WebAuthnIdentity; opened offline by age-plugin-fido2prf):
//   "-> age-encryption.org/fido2prf <base64 16-byte nonce>" with a 32-byte body, the file key sealed
//   with the all-zero nonce under HKDF-Extract(SHA-256, salt = the label, ikm = first || second), where
//   first and second are the WebAuthn PRF outputs for the inputs label || 0x01 || nonce and
//   label || 0x02 || nonce.
using System.Security.Cryptography;
using System.Text;

namespace Intake.Crypto.Age.Fido2Prf;

/// <summary>The inputs a passkey evaluates for a fido2prf stanza, and the wrap key derived from its outputs.</summary>
public static class Fido2PrfKey
{
    public const string Label = "age-encryption.org/fido2prf";
    public const int NonceSize = 16;
    public const int OutputSize = 32;

    private static readonly byte[] _label = Encoding.ASCII.GetBytes(Label);

    /// <summary>The two PRF inputs (<c>prf.eval.first</c> and <c>second</c>) for a stanza's nonce.</summary>
    public static (byte[] First, byte[] Second) Inputs(ReadOnlySpan<byte> nonce)
    {
        if (nonce.Length != NonceSize)
        {
            throw new ArgumentException("A fido2prf nonce is 16 bytes.", nameof(nonce));
        }

        return (Input(0x01, nonce), Input(0x02, nonce));
    }

    /// <summary>The 32-byte wrap key from the two 32-byte PRF outputs; the caller wipes it.</summary>
    internal static byte[] WrapKey(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        if (first.Length != OutputSize || second.Length != OutputSize)
        {
            throw new ArgumentException("PRF outputs are 32 bytes each.");
        }

        Span<byte> ikm = stackalloc byte[OutputSize * 2];
        try
        {
            first.CopyTo(ikm);
            second.CopyTo(ikm[OutputSize..]);
            byte[] key = new byte[32];
            HKDF.Extract(HashAlgorithmName.SHA256, ikm, _label, key);
            return key;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(ikm);
        }
    }

    private static byte[] Input(byte index, ReadOnlySpan<byte> nonce)
    {
        byte[] input = new byte[_label.Length + 1 + NonceSize];
        _label.CopyTo(input, 0);
        input[_label.Length] = index;
        nonce.CopyTo(input.AsSpan(_label.Length + 1));
        return input;
    }
}
