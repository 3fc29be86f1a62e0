using System.Buffers.Binary;

namespace Intake.Web.Organisation;

/// <summary>
/// Keeps what a PNG needs to be drawn and drops everything else (text, EXIF, time and any unknown chunk, which is
/// where metadata and payloads hide). Every chunk's CRC is checked; the image must start with IHDR and end with
/// IEND, within <see cref="LogoRules"/>' size and dimension limits.
/// </summary>
internal static class PngSanitizer
{
    private static readonly byte[] _signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly HashSet<string> _kept = new(StringComparer.Ordinal) { "IHDR", "PLTE", "tRNS", "gAMA", "cHRM", "sRGB", "IDAT", "IEND" };

    public static bool IsPng(ReadOnlySpan<byte> bytes) => bytes.StartsWith(_signature);

    public static byte[]? Sanitize(ReadOnlySpan<byte> bytes)
    {
        if (!IsPng(bytes))
        {
            return null;
        }

        using var output = new MemoryStream();
        output.Write(_signature);
        var position = _signature.Length;
        var first = true;
        while (position + 12 <= bytes.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(bytes[position..]);
            if (length > (uint)(bytes.Length - position - 12))
            {
                return null;
            }

            var chunk = bytes.Slice(position, 12 + (int)length);
            var type = System.Text.Encoding.ASCII.GetString(chunk.Slice(4, 4));
            var crc = BinaryPrimitives.ReadUInt32BigEndian(chunk[^4..]);
            if (Crc32(chunk[4..^4]) != crc || (first && (type != "IHDR" || !DimensionsAllowed(chunk.Slice(8, (int)length)))))
            {
                return null;
            }

            first = false;
            if (_kept.Contains(type))
            {
                output.Write(chunk);
            }

            position += chunk.Length;
            if (type == "IEND")
            {
                return position == bytes.Length ? output.ToArray() : null;
            }
        }

        return null;
    }

    private static bool DimensionsAllowed(ReadOnlySpan<byte> header)
    {
        if (header.Length != 13)
        {
            return false;
        }

        var width = BinaryPrimitives.ReadUInt32BigEndian(header);
        var height = BinaryPrimitives.ReadUInt32BigEndian(header[4..]);
        return width is > 0 and <= LogoRules.MaxDimension && height is > 0 and <= LogoRules.MaxDimension;
    }

    // The CRC-32 of ISO 3309 that PNG uses (polynomial 0xEDB88320).
    private static readonly uint[] _table = BuildTable();

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = _table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
