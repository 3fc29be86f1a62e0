// Decides whether an input is ASCII-armored (c2sp.org/age, "ASCII armor"): after at most
// 1 KiB of leading whitespace, an armored file starts with "-----". Binary age files start
// with "age-encryption.org/". Nothing is consumed: the bytes stay in the buffer.
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

    private static bool? Decide(BufferedInput input)
    {
        ReadOnlySpan<byte> buffered = input.Buffered;
        int limit = Math.Min(buffered.Length, ArmorFormat.MaxWhitespace + 1);
        for (int i = 0; i < limit; i++)
        {
            if (!ArmorFormat.IsWhitespace(buffered[i]))
            {
                return buffered[i] == (byte)'-';
            }
        }

        return buffered.Length > ArmorFormat.MaxWhitespace ? false : null;
    }
}
