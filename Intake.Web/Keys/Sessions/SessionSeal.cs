using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Intake.Web.Keys.Sessions;

/// <summary>
/// The cookie secret of a staff session and what derives from it (HKDF-SHA256, RFC 5869, one label per use): the
/// row id the database knows the session by, and the AES-256-GCM key its secrets are sealed with, with the row id as
/// associated data so that a sealed blob moved to another row does not open. A symmetric key is enough, since only a
/// holder of the cookie ever seals or opens, and a 256-bit key stays out of reach of a quantum computer too.
/// </summary>
public static class SessionSeal
{
    private const int SecretBytes = 32;
    private static readonly byte[] _idLabel = Encoding.ASCII.GetBytes("intake.staff-session/v1/id");
    private static readonly byte[] _sealLabel = Encoding.ASCII.GetBytes("intake.staff-session/v1/aes-256-gcm");

    /// <summary>A fresh secret for the cookie, base64url.</summary>
    public static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));

    /// <summary>The row id of the session the secret belongs to; null when the text is no secret of ours.</summary>
    public static string? RowId(string? secret)
    {
        var bytes = Decode(secret);
        if (bytes is null)
        {
            return null;
        }

        try
        {
            return Base64Url.EncodeToString(HKDF.DeriveKey(HashAlgorithmName.SHA256, bytes, 32, salt: null, info: _idLabel));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    public static byte[] Seal(string secret, string rowId, ReadOnlySpan<byte> plaintext)
    {
        var key = KeyOf(secret) ?? throw new ArgumentException("Not a session secret.", nameof(secret));
        try
        {
            var output = new byte[AesGcm.NonceByteSizes.MaxSize + plaintext.Length + AesGcm.TagByteSizes.MaxSize];
            var nonce = output.AsSpan(0, AesGcm.NonceByteSizes.MaxSize);
            RandomNumberGenerator.Fill(nonce);
            using var aes = new AesGcm(key, AesGcm.TagByteSizes.MaxSize);
            aes.Encrypt(nonce, plaintext, output.AsSpan(nonce.Length, plaintext.Length), output.AsSpan(nonce.Length + plaintext.Length), Encoding.ASCII.GetBytes(rowId));
            return output;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>The plaintext (the caller wipes it), or null when the blob does not open with this secret.</summary>
    public static byte[]? Open(string secret, string rowId, ReadOnlySpan<byte> sealedBytes)
    {
        var overhead = AesGcm.NonceByteSizes.MaxSize + AesGcm.TagByteSizes.MaxSize;
        var key = KeyOf(secret);
        if (key is null || sealedBytes.Length < overhead)
        {
            return null;
        }

        try
        {
            var plaintext = new byte[sealedBytes.Length - overhead];
            using var aes = new AesGcm(key, AesGcm.TagByteSizes.MaxSize);
            aes.Decrypt(sealedBytes[..AesGcm.NonceByteSizes.MaxSize], sealedBytes[AesGcm.NonceByteSizes.MaxSize..^AesGcm.TagByteSizes.MaxSize],
                sealedBytes[^AesGcm.TagByteSizes.MaxSize..], plaintext, Encoding.ASCII.GetBytes(rowId));
            return plaintext;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static byte[]? KeyOf(string secret)
    {
        var bytes = Decode(secret);
        if (bytes is null)
        {
            return null;
        }

        try
        {
            return HKDF.DeriveKey(HashAlgorithmName.SHA256, bytes, 32, salt: null, info: _sealLabel);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    private static byte[]? Decode(string? secret)
    {
        if (secret is null || secret.Length != 43)
        {
            return null;
        }

        var bytes = new byte[SecretBytes];
        return Base64Url.TryDecodeFromChars(secret, bytes, out var written) && written == SecretBytes ? bytes : null;
    }
}
