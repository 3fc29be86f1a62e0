// Decides whether an input is ASCII-armored (c2sp.org/age, "ASCII armor"). Binary age
// files start with "age-encryption.org/". After at most 1 KiB of leading whitespace, an
// armored file starts with "-----"; input that is neither but carries the armor BEGIN
// line within its first 2 KiB is treated as (malformed) armor too, so garbage before an
// armored file is reported as an armor failure. Anything else is parsed as binary (and
// fails as a header). Nothing is consumed: the bytes stay in the buffer.
using Intake.Crypto.Age.Io;

namespace Intake.Crypto.Age.Armor;

internal static class ArmorDetector
{
    public static bool IsArmored(BufferedInput input)
    {
        while (true)
        {
            bool? decided = Decide(input);
            if (decided.HasValue)
            {
                return decided.Value;
            }

            if (!input.Fill())
            {
                return false;
            }
        }
    }

    public static async ValueTask<bool> IsArmoredAsync(BufferedInput input, CancellationToken cancellationToken)
    {
        while (true)
        {
            bool? decided = Decide(input);
            if (decided.HasValue)
            {
                return decided.Value;
            }

            if (!await input.FillAsync(cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }
    }

    private const int SearchWindow = 2 * 1024;

    private static bool? Decide(BufferedInput input)
    {
        ReadOnlySpan<byte> buffered = input.Buffered;
        int limit = Math.Min(buffered.Length, ArmorFormat.MaxWhitespace + 1);
        int start = -1;
        for (int i = 0; i < limit; i++)
        {
            if (!ArmorFormat.IsWhitespace(buffered[i]))
            {
                start = i;
                break;
            }
        }

        if (start < 0)
        {
            // Only armor tolerates leading whitespace: let the armor parser report the excess.
            return buffered.Length > ArmorFormat.MaxWhitespace ? true : null;
        }

        ReadOnlySpan<byte> rest = buffered[start..];
        ReadOnlySpan<byte> dashes = "-----"u8;
        if (rest.Length < dashes.Length && dashes.StartsWith(rest))
        {
            return null;
        }

        if (rest.StartsWith(dashes))
        {
            return true;
        }

        ReadOnlySpan<byte> binaryPrefix = "age-encryption.org/"u8;
        if (rest.Length < binaryPrefix.Length)
        {
            return binaryPrefix.StartsWith(rest) ? null : SearchBeginLine(buffered);
        }

        return rest.StartsWith(binaryPrefix) ? false : SearchBeginLine(buffered);

        bool? SearchBeginLine(ReadOnlySpan<byte> data)
        {
            ReadOnlySpan<byte> window = data[..Math.Min(data.Length, SearchWindow)];
            if (window.IndexOf(ArmorFormat.HeaderBytes) >= 0)
            {
                return true;
            }

            return data.Length >= SearchWindow ? false : null;
        }
    }
}
