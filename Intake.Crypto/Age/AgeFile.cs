// Entry points for age v1 files (age-encryption.org/v1, c2sp.org/age): whole-stream,
// streaming and in-memory encryption and decryption, and header inspection. All
// streaming paths keep memory flat: one 64 KiB chunk buffer each way.
using Intake.Crypto.Age.Payload;

namespace Intake.Crypto.Age;

/// <summary>Encrypts and decrypts age v1 files.</summary>
public static class AgeFile
{
    private const int CopyBufferSize = PayloadFormat.ChunkSize * 2;

    /// <summary>Encrypts <paramref name="plaintext"/> to <paramref name="output"/> (left open).</summary>
    public static void Encrypt(Stream plaintext, Stream output, IReadOnlyCollection<IRecipient> recipients, bool armor = false)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        using Stream sealing = OpenWrite(output, recipients, armor, leaveOpen: true);
        plaintext.CopyTo(sealing, CopyBufferSize);
    }

    /// <summary>Encrypts <paramref name="plaintext"/> to <paramref name="output"/> (left open).</summary>
    public static async Task EncryptAsync(Stream plaintext, Stream output, IReadOnlyCollection<IRecipient> recipients, bool armor = false, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        Stream sealing = OpenWrite(output, recipients, armor, leaveOpen: true);
        await using (sealing.ConfigureAwait(false))
        {
            await plaintext.CopyToAsync(sealing, CopyBufferSize, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Decrypts an age file (binary or armored) into <paramref name="plaintext"/>; both streams are left open.</summary>
    /// <remarks>On failure, <paramref name="plaintext"/> may hold the verified chunks written before the failure.</remarks>
    public static void Decrypt(Stream input, Stream plaintext, IReadOnlyCollection<IIdentity> identities)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        using Stream opened = OpenRead(input, identities, leaveOpen: true);
        opened.CopyTo(plaintext, CopyBufferSize);
    }

    /// <summary>Decrypts an age file (binary or armored) into <paramref name="plaintext"/>; both streams are left open.</summary>
    public static async Task DecryptAsync(Stream input, Stream plaintext, IReadOnlyCollection<IIdentity> identities, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        Stream opened = await AgeDecryptor.OpenAsync(input, identities, leaveOpen: true, ct).ConfigureAwait(false);
        await using (opened.ConfigureAwait(false))
        {
            await opened.CopyToAsync(plaintext, CopyBufferSize, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Returns a write-only stream that seals what is written into it, 64 KiB chunk by chunk.
    /// Dispose (or DisposeAsync) writes the final chunk and the armor footer.
    /// </summary>
    public static Stream OpenWrite(Stream output, IReadOnlyCollection<IRecipient> recipients, bool armor = false, bool leaveOpen = false)
        => AgeEncryptor.Open(output, recipients, armor, leaveOpen);

    /// <summary>
    /// Parses the header and unwraps the file key now (header, MAC, no-match and armor
    /// failures are thrown here); returns a stream of verified plaintext. Truncation or
    /// tampering of the payload throws <see cref="AgePayloadException"/> from Read.
    /// </summary>
    public static Stream OpenRead(Stream input, IReadOnlyCollection<IIdentity> identities, bool leaveOpen = false)
        => AgeDecryptor.Open(input, identities, leaveOpen);

    /// <summary>
    /// Like <see cref="OpenRead"/>, reading the header and payload nonce with asynchronous I/O.
    /// </summary>
    public static Task<Stream> OpenReadAsync(Stream input, IReadOnlyCollection<IIdentity> identities, bool leaveOpen = false, CancellationToken ct = default)
        => AgeDecryptor.OpenAsync(input, identities, leaveOpen, ct);

    /// <summary>Encrypts a buffer.</summary>
    public static byte[] Encrypt(ReadOnlySpan<byte> plaintext, IReadOnlyCollection<IRecipient> recipients, bool armor = false)
    {
        using MemoryStream output = new();
        using (Stream sealing = OpenWrite(output, recipients, armor, leaveOpen: true))
        {
            sealing.Write(plaintext);
        }

        return output.ToArray();
    }

    /// <summary>Decrypts a buffer (binary or armored).</summary>
    public static byte[] Decrypt(ReadOnlySpan<byte> ageFile, IReadOnlyCollection<IIdentity> identities)
    {
        using MemoryStream input = new(ageFile.ToArray(), writable: false);
        using MemoryStream plaintext = new();
        Decrypt(input, plaintext, identities);
        return plaintext.ToArray();
    }

    /// <summary>Strictly parses the header (binary or armored) without keys; the MAC is not verified.</summary>
    public static AgeHeaderSummary InspectHeader(Stream input) => AgeDecryptor.Inspect(input);

    /// <summary>Strictly parses the header (binary or armored) without keys; the MAC is not verified.</summary>
    public static AgeHeaderSummary InspectHeader(ReadOnlySpan<byte> ageFile)
    {
        using MemoryStream input = new(ageFile.ToArray(), writable: false);
        return AgeDecryptor.Inspect(input);
    }
}
