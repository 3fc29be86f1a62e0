using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Intake.Web.Audit;

/// <summary>
/// The hash of an audit entry: SHA-256 over the previous entry's hash followed by every field of this entry,
/// each written as a 4-byte big-endian length and its UTF-8 bytes, so no two different entries encode alike.
/// The first entry's previous hash is 32 zero bytes.
/// </summary>
public static class AuditHash
{
    public static readonly byte[] Genesis = new byte[32];

    public static byte[] Compute(AuditEntry entry, ReadOnlySpan<byte> previousHash)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(previousHash);
        Append(hash, entry.Sequence.ToString(CultureInfo.InvariantCulture));
        Append(hash, entry.OccurredAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        Append(hash, entry.Kind);
        Append(hash, entry.ActorId?.ToString("N"));
        Append(hash, entry.SubjectId?.ToString("N"));
        Append(hash, entry.ChannelId?.ToString("N"));
        Append(hash, entry.Detail);
        return hash.GetHashAndReset();
    }

    private static void Append(IncrementalHash hash, string? value)
    {
        Span<byte> length = stackalloc byte[4];
        if (value is null)
        {
            BinaryPrimitives.WriteInt32BigEndian(length, -1);
            hash.AppendData(length);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
