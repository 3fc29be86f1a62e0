using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Intake.Web.Secrets;
using Intake.Web.Storage.Limits;

namespace Intake.Web.Reporting.Admission;

/// <summary>
/// The stamp a report form carries from the moment it is shown: which channel, when it was issued, how many bits a
/// proof of work over it needs, and a random id. Encrypted and authenticated with AES-256-GCM under a key derived
/// from the instance key (the same on every application node, so a stamp one node issued is read by any other),
/// so it cannot be made, altered or back-dated; it holds nothing about the browser. It serves twice: as the challenge
/// of the proof of work, and, without JavaScript, as the proof that the form was open for the minimum time. Each
/// stamp is used once across all nodes (<see cref="SharedLimits"/>).
/// </summary>
public sealed class FormStamps(InstanceKey instanceKey, SharedLimits limits, TimeProvider clock)
{
    // Domain separation: the stamps' key serves no other purpose. "v1" names the layout below.
    private const string KeyLabel = "intake.form-stamps/v1";

    // Layout of the plaintext: random id (16), issued at in Unix seconds (8, big-endian), bits (1), channel (UTF-8).
    // Of the stamp: nonce (12) || ciphertext || tag (16), base64url.
    private const int IdSize = 16;
    private const int HeaderSize = IdSize + 8 + 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] _key = instanceKey.Derive(KeyLabel);

    public string Issue(string channelCode, int bits)
    {
        var channel = Encoding.UTF8.GetBytes(channelCode);
        var payload = new byte[HeaderSize + channel.Length];
        RandomNumberGenerator.Fill(payload.AsSpan(0, IdSize));
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(IdSize), clock.GetUtcNow().ToUnixTimeSeconds());
        payload[IdSize + 8] = (byte)bits;
        channel.CopyTo(payload, HeaderSize);

        var stamp = new byte[NonceSize + payload.Length + TagSize];
        var nonce = stamp.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, payload, stamp.AsSpan(NonceSize, payload.Length), stamp.AsSpan(NonceSize + payload.Length));
        return Base64Url(stamp);
    }

    /// <summary>The stamp's contents when it is one this service issued for this channel, not older than <paramref name="lifetime"/>.</summary>
    public Stamp? Read(string? text, string channelCode, TimeSpan lifetime)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 400)
        {
            return null;
        }

        try
        {
            var stamp = FromBase64Url(text);
            if (stamp.Length < NonceSize + HeaderSize + TagSize)
            {
                return null;
            }

            var payload = new byte[stamp.Length - NonceSize - TagSize];
            using (var aes = new AesGcm(_key, TagSize))
            {
                aes.Decrypt(stamp.AsSpan(0, NonceSize), stamp.AsSpan(NonceSize, payload.Length), stamp.AsSpan(NonceSize + payload.Length), payload);
            }

            if (Encoding.UTF8.GetString(payload, HeaderSize, payload.Length - HeaderSize) != channelCode)
            {
                return null;
            }

            var issued = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(IdSize)));
            var age = clock.GetUtcNow() - issued;
            return age < TimeSpan.Zero || age > lifetime ? null : new Stamp(Convert.ToHexString(payload, 0, IdSize), issued, payload[IdSize + 8], age);
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    public async Task<bool> IsUsedAsync(Stamp stamp, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        return await limits.IsUsedAsync(KeyOf(stamp), cancellationToken);
    }

    /// <summary>Marks the stamp used on every node; false when it was used before (a replay).</summary>
    public async Task<bool> TryUseAsync(Stamp stamp, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        return await limits.TryUseOnceAsync(KeyOf(stamp), stamp.Issued + lifetime, cancellationToken);
    }

    private static string KeyOf(Stamp stamp) => "form-stamp\n" + stamp.Id;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - (padded.Length % 4)) % 4));
    }
}

/// <summary>A form stamp's contents: its random id, when it was issued, the proof bits, and its age now.</summary>
public sealed record Stamp(string Id, DateTimeOffset Issued, int Bits, TimeSpan Age);
