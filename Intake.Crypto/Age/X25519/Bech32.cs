// Bech32 (BIP 173) as age uses it (c2sp.org/age, "Conventions"): no length limit on
// the data part; the string is all lowercase or all uppercase, never mixed; the
// checksum is computed over the lowercase form; data is 8-bit bytes regrouped into
// 5-bit groups with zero padding, which decoding checks strictly.
using System.Text;

namespace Intake.Crypto.Age.X25519;

internal static class Bech32
{
    private const string Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private const int ChecksumLength = 6;
    private static readonly uint[] _generator = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

    public static string Encode(string hrp, ReadOnlySpan<byte> data, bool upperCase)
    {
        string lowerHrp = hrp.ToLowerInvariant();
        byte[] values = ConvertBits(data, 8, 5, pad: true)!;
        byte[] checksum = CreateChecksum(lowerHrp, values);
        StringBuilder sb = new(lowerHrp.Length + 1 + values.Length + ChecksumLength);
        sb.Append(lowerHrp).Append('1');
        foreach (byte v in values)
        {
            sb.Append(Charset[v]);
        }

        foreach (byte v in checksum)
        {
            sb.Append(Charset[v]);
        }

        string result = sb.ToString();
        return upperCase ? result.ToUpperInvariant() : result;
    }

    /// <summary>Decodes; the returned HRP keeps the case of the input. False on any error.</summary>
    public static bool TryDecode(string text, out string hrp, out byte[] data)
    {
        hrp = string.Empty;
        data = [];
        bool hasLower = false, hasUpper = false;
        foreach (char c in text)
        {
            if (c < 33 || c > 126)
            {
                return false;
            }

            hasLower |= c is >= 'a' and <= 'z';
            hasUpper |= c is >= 'A' and <= 'Z';
        }

        if (hasLower && hasUpper)
        {
            return false;
        }

        int separator = text.LastIndexOf('1');
        if (separator < 1 || separator + ChecksumLength + 1 > text.Length)
        {
            return false;
        }

        string lower = text.ToLowerInvariant();
        string lowerHrp = lower[..separator];
        byte[] values = new byte[lower.Length - separator - 1];
        for (int i = 0; i < values.Length; i++)
        {
            int v = Charset.IndexOf(lower[separator + 1 + i], StringComparison.Ordinal);
            if (v < 0)
            {
                return false;
            }

            values[i] = (byte)v;
        }

        if (Polymod(HrpExpand(lowerHrp), values) != 1)
        {
            return false;
        }

        byte[]? decoded = ConvertBits(values.AsSpan(0, values.Length - ChecksumLength), 5, 8, pad: false);
        if (decoded is null)
        {
            return false;
        }

        hrp = text[..separator];
        data = decoded;
        return true;
    }

    private static byte[] CreateChecksum(string lowerHrp, byte[] values)
    {
        byte[] withZeros = new byte[values.Length + ChecksumLength];
        values.CopyTo(withZeros, 0);
        uint mod = Polymod(HrpExpand(lowerHrp), withZeros) ^ 1;
        byte[] checksum = new byte[ChecksumLength];
        for (int i = 0; i < ChecksumLength; i++)
        {
            checksum[i] = (byte)((mod >> (5 * (5 - i))) & 31);
        }

        return checksum;
    }

    private static byte[] HrpExpand(string hrp)
    {
        byte[] result = new byte[(hrp.Length * 2) + 1];
        for (int i = 0; i < hrp.Length; i++)
        {
            result[i] = (byte)(hrp[i] >> 5);
            result[i + hrp.Length + 1] = (byte)(hrp[i] & 31);
        }

        return result;
    }

    private static uint Polymod(byte[] hrpExpanded, ReadOnlySpan<byte> values)
    {
        uint chk = 1;
        foreach (byte v in hrpExpanded)
        {
            chk = Step(chk, v);
        }

        foreach (byte v in values)
        {
            chk = Step(chk, v);
        }

        return chk;
    }

    private static uint Step(uint chk, byte value)
    {
        uint top = chk >> 25;
        chk = ((chk & 0x1ffffff) << 5) ^ value;
        for (int i = 0; i < 5; i++)
        {
            if (((top >> i) & 1) != 0)
            {
                chk ^= _generator[i];
            }
        }

        return chk;
    }

    private static byte[]? ConvertBits(ReadOnlySpan<byte> data, int fromBits, int toBits, bool pad)
    {
        int acc = 0;
        int bits = 0;
        int maxValue = (1 << toBits) - 1;
        List<byte> result = new((data.Length * fromBits / toBits) + 1);
        foreach (byte value in data)
        {
            if (value >> fromBits != 0)
            {
                return null;
            }

            acc = ((acc << fromBits) | value) & 0xFFFFFF;
            bits += fromBits;
            while (bits >= toBits)
            {
                bits -= toBits;
                result.Add((byte)((acc >> bits) & maxValue));
            }
        }

        if (pad)
        {
            if (bits > 0)
            {
                result.Add((byte)((acc << (toBits - bits)) & maxValue));
            }
        }
        else if (bits >= fromBits || ((acc << (toBits - bits)) & maxValue) != 0)
        {
            return null;
        }

        return [.. result];
    }
}
