// Sizes of the age v1 payload (c2sp.org/age, "Payload"): a 16-byte nonce, then
// ChaCha20-Poly1305 (RFC 8439) chunks of 64 KiB plaintext plus a 16-byte tag, keyed
// by HKDF-SHA-256(ikm = file key, salt = nonce, info = "payload").
namespace Intake.Crypto.Age.Payload;

internal static class PayloadFormat
{
    public const int NonceSize = 16;
    public const int ChunkSize = 64 * 1024;
    public const int TagSize = 16;
    public const int EncryptedChunkSize = ChunkSize + TagSize;
}
