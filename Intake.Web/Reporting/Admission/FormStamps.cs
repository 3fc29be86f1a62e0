using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace Intake.Web.Reporting.Admission;

/// <summary>
/// The stamp a report form carries from the moment it is shown: which channel, when it was issued, how many bits a
/// proof of work over it needs, and a random id. Authenticated and encrypted with Data Protection, so it cannot be
/// made, altered or back-dated; it holds nothing about the browser. It serves twice: as the challenge of the
/// proof of work, and, without JavaScript, as the proof that the form was open for the minimum time. Each stamp is
/// used once.
/// </summary>
public sealed class FormStamps(IDataProtectionProvider protection, TimeProvider clock)
{
    private const int MaxRemembered = 200_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _used = new(StringComparer.Ordinal);

    public string Issue(string channelCode, int bits)
    {
        var channel = Encoding.UTF8.GetBytes(channelCode);
        var payload = new byte[16 + 8 + 1 + channel.Length];
        RandomNumberGenerator.Fill(payload.AsSpan(0, 16));
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(16), clock.GetUtcNow().ToUnixTimeSeconds());
        payload[24] = (byte)bits;
        channel.CopyTo(payload, 25);
        return Base64Url(Protector().Protect(payload));
    }

    /// <summary>The stamp's contents when it is one this server issued for this channel, not older than <paramref name="lifetime"/>.</summary>
    public Stamp? Read(string? text, string channelCode, TimeSpan lifetime)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 400)
        {
            return null;
        }

        try
        {
            var payload = Protector().Unprotect(FromBase64Url(text));
            if (payload.Length < 25 || Encoding.UTF8.GetString(payload, 25, payload.Length - 25) != channelCode)
            {
                return null;
            }

            var issued = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(16)));
            var age = clock.GetUtcNow() - issued;
            return age < TimeSpan.Zero || age > lifetime ? null : new Stamp(Convert.ToHexString(payload, 0, 16), issued, payload[24], age);
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            return null;
        }
    }

    public bool IsUsed(Stamp stamp)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        return _used.ContainsKey(stamp.Id);
    }

    /// <summary>Marks the stamp used; false when it was used before (a replay).</summary>
    public bool TryUse(Stamp stamp, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        if (_used.Count >= MaxRemembered)
        {
            var cutoff = clock.GetUtcNow() - lifetime;
            foreach (var pair in _used.Where(p => p.Value < cutoff))
            {
                _used.TryRemove(pair.Key, out _);
            }
        }

        return _used.TryAdd(stamp.Id, stamp.Issued);
    }

    private IDataProtector Protector() => protection.CreateProtector("Intake.Report.FormStamp");

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - (padded.Length % 4)) % 4));
    }
}

/// <summary>A form stamp's contents: its random id, when it was issued, the proof bits, and its age now.</summary>
public sealed record Stamp(string Id, DateTimeOffset Issued, int Bits, TimeSpan Age);
