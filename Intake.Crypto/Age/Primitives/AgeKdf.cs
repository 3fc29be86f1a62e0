// Key derivations and the fixed-nonce stanza AEAD of age v1 (c2sp.org/age):
// HKDF-SHA-256 (RFC 5869) always with 32-byte output; ChaCha20-Poly1305 (RFC 7539 /
// RFC 8439) with a 12-byte all-zero nonce to wrap the 16-byte file key into a 32-byte
// stanza body (16-byte ciphertext + 16-byte tag); HMAC-SHA-256 (RFC 2104) header MAC.
using System.Security.Cryptography;
using System.Text;

namespace Intake.Crypto.Age.Primitives;

internal static class AgeKdf
{
    public const int FileKeySize = 16;
    public const int KeySize = 32;
    public const int TagSize = 16;
    public const int WrappedFileKeySize = FileKeySize + TagSize;

    // HKDF info of the header MAC key: c2sp.org/age "Header MAC".
    private static readonly byte[] _headerLabel = Encoding.ASCII.GetBytes("header");

    // HKDF info of the payload key: c2sp.org/age "Payload".
    private static readonly byte[] _payloadLabel = Encoding.ASCII.GetBytes("payload");

    public static void Hkdf(ReadOnlySpan<byte> ikm, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> info, Span<byte> output)
        => HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, output, salt, info);

    public static void PayloadKey(ReadOnlySpan<byte> fileKey, ReadOnlySpan<byte> nonce, Span<byte> output)
        => Hkdf(fileKey, nonce, _payloadLabel, output);

    /// <summary>HMAC-SHA-256 over the header up to and including "---", keyed by HKDF(file key, "", "header").</summary>
    public static byte[] HeaderMac(ReadOnlySpan<byte> fileKey, ReadOnlySpan<byte> headerUpToDashes)
    {
        Span<byte> key = stackalloc byte[KeySize];
        try
        {
            Hkdf(fileKey, ReadOnlySpan<byte>.Empty, _headerLabel, key);
            return HMACSHA256.HashData(key, headerUpToDashes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Seals the file key under a 32-byte wrap key with the all-zero nonce.</summary>
    public static byte[] WrapFileKey(ReadOnlySpan<byte> wrapKey, ReadOnlySpan<byte> fileKey)
    {
        Span<byte> nonce = stackalloc byte[12];
        nonce.Clear();
        byte[] body = new byte[fileKey.Length + TagSize];
        using ChaCha20Poly1305 aead = new(wrapKey);
        aead.Encrypt(nonce, fileKey, body.AsSpan(0, fileKey.Length), body.AsSpan(fileKey.Length));
        return body;
    }

    /// <summary>Opens a 32-byte stanza body; returns null when the tag does not verify.</summary>
    public static byte[]? UnwrapFileKey(ReadOnlySpan<byte> wrapKey, ReadOnlySpan<byte> body)
    {
        if (body.Length != WrappedFileKeySize)
        {
            return null;
        }

        Span<byte> nonce = stackalloc byte[12];
        nonce.Clear();
        byte[] fileKey = new byte[FileKeySize];
        using ChaCha20Poly1305 aead = new(wrapKey);
        try
        {
            aead.Decrypt(nonce, body[..FileKeySize], body[FileKeySize..], fileKey);
            return fileKey;
        }
        catch (AuthenticationTagMismatchException)
        {
            CryptographicOperations.ZeroMemory(fileKey);
            return null;
        }
    }
}
