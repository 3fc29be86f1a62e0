// Strict base64 (RFC 4648 section 4, standard alphabet) as age v1 requires it
// (c2sp.org/age, "Conventions"): the header uses unpadded base64 and decoders MUST
// reject non-canonical encodings (RFC 4648 section 3.5: non-zero pad bits) and '='.
// The ASCII armor uses padded base64 (RFC 7468), decoded here with the same
// canonical checks. No whitespace is ever skipped.
using System.Buffers.Text;

namespace Intake.Crypto.Age.Primitives;

internal static class CanonicalBase64
{
    private static readonly sbyte[] _decode = BuildDecodeTable();

    private static sbyte[] BuildDecodeTable()
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        sbyte[] table = new sbyte[256];
        Array.Fill(table, (sbyte)-1);
        for (int i = 0; i < Alphabet.Length; i++)
        {
            table[Alphabet[i]] = (sbyte)i;
        }

        return table;
    }

    /// <summary>True when the byte is one of the 64 base64 alphabet characters.</summary>
    public static bool IsBase64Char(byte c) => _decode[c] >= 0;

    /// <summary>Number of bytes an unpadded encoding of the given length decodes to, or -1 if impossible.</summary>
    public static int RawDecodedLength(int encodedLength)
    {
        int rem = encodedLength % 4;
        if (rem == 1)
        {
            return -1;
        }

        return (encodedLength / 4 * 3) + (rem == 0 ? 0 : rem - 1);
    }

    /// <summary>Encodes without padding.</summary>
    public static string EncodeRaw(ReadOnlySpan<byte> data) => Convert.ToBase64String(data).TrimEnd('=');

    /// <summary>Decodes unpadded canonical base64; returns false on any deviation.</summary>
    public static bool TryDecodeRaw(ReadOnlySpan<byte> chars, Span<byte> destination, out int written)
    {
        written = 0;
        int outLen = RawDecodedLength(chars.Length);
        if (outLen < 0 || destination.Length < outLen)
        {
            return false;
        }

        int fullGroups = chars.Length / 4;
        int o = 0;
        for (int g = 0; g < fullGroups; g++)
        {
            int i = g * 4;
            int a = _decode[chars[i]], b = _decode[chars[i + 1]], c = _decode[chars[i + 2]], d = _decode[chars[i + 3]];
            if ((a | b | c | d) < 0)
            {
                return false;
            }

            int v = (a << 18) | (b << 12) | (c << 6) | d;
            destination[o++] = (byte)(v >> 16);
            destination[o++] = unchecked((byte)(v >> 8));
            destination[o++] = unchecked((byte)v);
        }

        int rem = chars.Length % 4;
        int start = fullGroups * 4;
        if (rem == 2)
        {
            int a = _decode[chars[start]], b = _decode[chars[start + 1]];
            if ((a | b) < 0 || (b & 0x0F) != 0)
            {
                return false;
            }

            destination[o++] = (byte)((a << 2) | (b >> 4));
        }
        else if (rem == 3)
        {
            int a = _decode[chars[start]], b = _decode[chars[start + 1]], c = _decode[chars[start + 2]];
            if ((a | b | c) < 0 || (c & 0x03) != 0)
            {
                return false;
            }

            int v = (a << 12) | (b << 6) | c;
            destination[o++] = (byte)(v >> 10);
            destination[o++] = unchecked((byte)(v >> 2));
        }

        written = o;
        return true;
    }

    /// <summary>Decodes an unpadded canonical encoding to a new array, or null.</summary>
    public static byte[]? DecodeRaw(ReadOnlySpan<byte> chars)
    {
        int len = RawDecodedLength(chars.Length);
        if (len < 0)
        {
            return null;
        }

        byte[] result = new byte[len];
        return TryDecodeRaw(chars, result, out _) ? result : null;
    }

    /// <summary>
    /// Decodes one padded armor line (length a multiple of 4, '=' only at the very end)
    /// canonically; returns false on any deviation.
    /// </summary>
    public static bool TryDecodePadded(ReadOnlySpan<byte> chars, Span<byte> destination, out int written)
    {
        written = 0;
        if (chars.Length % 4 != 0)
        {
            return false;
        }

        int pad = 0;
        if (chars.Length > 0 && chars[^1] == (byte)'=')
        {
            pad = chars.Length > 1 && chars[^2] == (byte)'=' ? 2 : 1;
        }

        ReadOnlySpan<byte> body = chars[..^pad];
        if (!TryDecodeRaw(body, destination, out written))
        {
            return false;
        }

        // A padded group must carry 2 or 3 characters; the raw decoder already rejects
        // a lone character and non-zero pad bits.
        return pad == 0 || body.Length % 4 == 4 - pad;
    }

    /// <summary>Encodes with '=' padding into UTF-8 bytes.</summary>
    public static int EncodePadded(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        Base64.EncodeToUtf8(data, destination, out _, out int written);
        return written;
    }
}
