// HPKE base mode (RFC 9180, section 5.1 "Creating the Encryption Context" and section
// 6.1 "Encryption and Decryption" for a single message) with KDF HKDF-SHA256 (id 0x0001)
// and AEAD ChaCha20Poly1305 (id 0x0003), for a KEM whose shared secret is computed by the
// caller (here MLKEM768-X25519, id 0x647a). Checked against filippo.io/hpke, hpke.go.
//   suite_id    = "HPKE" || I2OSP(kem_id, 2) || I2OSP(0x0001, 2) || I2OSP(0x0003, 2)
//   LabeledExtract(salt, label, ikm) = HKDF-Extract(salt, "HPKE-v1" || suite_id || label || ikm)
//   LabeledExpand(prk, label, info, L) = HKDF-Expand(prk, I2OSP(L, 2) || "HPKE-v1" || suite_id || label || info, L)
//   context     = 0x00 (mode_base) || LabeledExtract("", "psk_id_hash", "") || LabeledExtract("", "info_hash", info)
//   secret      = LabeledExtract(shared_secret, "secret", "")
//   key (32)    = LabeledExpand(secret, "key", context, 32)
//   base_nonce  = LabeledExpand(secret, "base_nonce", context, 12)
// The first message (sequence number 0) is sealed with the base nonce itself.
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Intake.Crypto.Age.Hybrid;

internal static class HpkeBase
{
    public const int KeySize = 32;
    public const int NonceSize = 12;
    public const int TagSize = 16;
    private const ushort KdfHkdfSha256 = 0x0001;
    private const ushort AeadChaCha20Poly1305 = 0x0003;
    private const int HashSize = 32;

    // RFC 9180 section 4: the version label prefixed to every labeled KDF input.
    private static readonly byte[] _versionLabel = Encoding.ASCII.GetBytes("HPKE-v1");

    /// <summary>SealBase for one message with empty aad: ciphertext || tag.</summary>
    public static byte[] Seal(ushort kemId, ReadOnlySpan<byte> sharedSecret, ReadOnlySpan<byte> info, ReadOnlySpan<byte> plaintext)
    {
        Span<byte> key = stackalloc byte[KeySize];
        Span<byte> nonce = stackalloc byte[NonceSize];
        try
        {
            KeySchedule(kemId, sharedSecret, info, key, nonce);
            byte[] sealedMessage = new byte[plaintext.Length + TagSize];
            using ChaCha20Poly1305 aead = new(key);
            aead.Encrypt(nonce, plaintext, sealedMessage.AsSpan(0, plaintext.Length), sealedMessage.AsSpan(plaintext.Length));
            return sealedMessage;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>OpenBase for one message with empty aad; null when the tag does not verify.</summary>
    public static byte[]? Open(ushort kemId, ReadOnlySpan<byte> sharedSecret, ReadOnlySpan<byte> info, ReadOnlySpan<byte> sealedMessage)
    {
        if (sealedMessage.Length < TagSize)
        {
            return null;
        }

        Span<byte> key = stackalloc byte[KeySize];
        Span<byte> nonce = stackalloc byte[NonceSize];
        int length = sealedMessage.Length - TagSize;
        byte[] plaintext = new byte[length];
        try
        {
            KeySchedule(kemId, sharedSecret, info, key, nonce);
            using ChaCha20Poly1305 aead = new(key);
            aead.Decrypt(nonce, sealedMessage[..length], sealedMessage[length..], plaintext);
            return plaintext;
        }
        catch (AuthenticationTagMismatchException)
        {
            CryptographicOperations.ZeroMemory(plaintext);
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    internal static void KeySchedule(ushort kemId, ReadOnlySpan<byte> sharedSecret, ReadOnlySpan<byte> info, Span<byte> key, Span<byte> baseNonce)
    {
        byte[] suiteId = new byte[10];
        Encoding.ASCII.GetBytes("HPKE", suiteId);
        BinaryPrimitives.WriteUInt16BigEndian(suiteId.AsSpan(4), kemId);
        BinaryPrimitives.WriteUInt16BigEndian(suiteId.AsSpan(6), KdfHkdfSha256);
        BinaryPrimitives.WriteUInt16BigEndian(suiteId.AsSpan(8), AeadChaCha20Poly1305);

        byte[] context = new byte[1 + HashSize + HashSize];
        context[0] = 0x00;
        LabeledExtract(suiteId, [], "psk_id_hash", [], context.AsSpan(1, HashSize));
        LabeledExtract(suiteId, [], "info_hash", info, context.AsSpan(1 + HashSize, HashSize));

        Span<byte> secret = stackalloc byte[HashSize];
        try
        {
            LabeledExtract(suiteId, sharedSecret, "secret", [], secret);
            LabeledExpand(suiteId, secret, "key", context, key);
            LabeledExpand(suiteId, secret, "base_nonce", context, baseNonce);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    private static void LabeledExtract(byte[] suiteId, ReadOnlySpan<byte> salt, string label, ReadOnlySpan<byte> ikm, Span<byte> prk)
    {
        byte[] labeledIkm = [.. _versionLabel, .. suiteId, .. Encoding.ASCII.GetBytes(label), .. ikm];
        try
        {
            HKDF.Extract(HashAlgorithmName.SHA256, labeledIkm, salt, prk);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(labeledIkm);
        }
    }

    private static void LabeledExpand(byte[] suiteId, ReadOnlySpan<byte> prk, string label, ReadOnlySpan<byte> info, Span<byte> output)
    {
        byte[] length = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, checked((ushort)output.Length));
        byte[] labeledInfo = [.. length, .. _versionLabel, .. suiteId, .. Encoding.ASCII.GetBytes(label), .. info];
        HKDF.Expand(HashAlgorithmName.SHA256, prk, output, labeledInfo);
    }
}
