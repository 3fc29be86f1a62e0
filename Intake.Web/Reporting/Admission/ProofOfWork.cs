using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Intake.Web.Reporting.Admission;

/// <summary>
/// Hashcash over a server-issued challenge (docs/availability.md): the challenge is an opaque string the server
/// made and authenticated (<see cref="FormStamps"/>); a solution is a decimal nonce such that
/// SHA-256(UTF-8(challenge + ":" + nonce)) starts with at least the challenge's number of zero bits. Checking costs
/// one hash; finding takes about 2^bits hashes. The browser searches in a Web Worker (client/src/pow-worker.js).
/// </summary>
public static class ProofOfWork
{
    /// <summary>Longest nonce accepted: 20 decimal digits.</summary>
    public const int MaxNonceLength = 20;

    public static bool IsSolution(string challenge, string? nonce, int bits)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        if (string.IsNullOrEmpty(nonce) || nonce.Length > MaxNonceLength || !nonce.All(char.IsAsciiDigit))
        {
            return false;
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(challenge + ":" + nonce), hash);
        return LeadingZeroBits(hash) >= bits;
    }

    public static int LeadingZeroBits(ReadOnlySpan<byte> hash)
    {
        var zeros = 0;
        for (var i = 0; i + 8 <= hash.Length; i += 8)
        {
            var word = BinaryPrimitives.ReadUInt64BigEndian(hash[i..]);
            if (word != 0)
            {
                return zeros + BitOperations.LeadingZeroCount(word);
            }

            zeros += 64;
        }

        return zeros;
    }

    /// <summary>Finds a solution by counting up (for tests and tools; the browser does the same in its worker).</summary>
    public static string Solve(string challenge, int bits)
    {
        for (ulong nonce = 0; ; nonce++)
        {
            var text = nonce.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (IsSolution(challenge, text, bits))
            {
                return text;
            }
        }
    }
}
