using Intake.Crypto.Age;

namespace Intake.Web.Reporting.Uploads;

/// <summary>
/// Takes a part that the reporter's browser already sealed: copies it as it is, within the size limit, and
/// checks that it is a well-formed binary age file for exactly two recipients of the kind the channel's key and
/// the mailbox have (two hybrid post-quantum stanzas, or two X25519 stanzas for a case from before post-quantum
/// keys). The server cannot open it and does not try.
/// </summary>
public sealed class BrowserFileSealer(bool postQuantum) : IFileSealer
{
    /// <summary>Enough for the header of a two-recipient file (two hybrid stanzas are about 3.1 KB) and the payload nonce.</summary>
    private const int HeaderWindow = 8192;

    // age adds 16 bytes per 64 KiB chunk and a header: allow that over the plaintext limit. The header of two
    // hybrid stanzas is 3 184 bytes (two X25519 ones 266), so the allowance follows the kind.
    private long Overhead(long plaintextLimit) => (postQuantum ? 4096 : 1024) + ((plaintextLimit / (64 * 1024)) + 1) * 16;

    public async Task<(bool Ok, string? MessageKey, long Size)> SealAsync(Stream part, Stream target, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(target);
        var head = new byte[HeaderWindow];
        var headLength = 0;
        var buffer = new byte[64 * 1024];
        long total = 0;
        var limit = maxBytes + Overhead(maxBytes);
        int read;
        while ((read = await part.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > limit)
            {
                return (false, "Upload.Error.FileTooLarge", total);
            }

            if (headLength < HeaderWindow)
            {
                var take = Math.Min(read, HeaderWindow - headLength);
                Array.Copy(buffer, 0, head, headLength, take);
                headLength += take;
            }

            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return IsTwoRecipientAgeFile(head.AsSpan(0, headLength), postQuantum) ? (true, null, total) : (false, "Upload.Error.Sealed", total);
    }

    internal static bool IsTwoRecipientAgeFile(ReadOnlySpan<byte> head, bool postQuantum)
    {
        try
        {
            var summary = AgeFile.InspectHeader(head);
            return !summary.IsArmored && summary.Stanzas.Count == 2 && summary.CountOfType(postQuantum ? "mlkem768x25519" : "X25519") == 2;
        }
        catch (AgeException)
        {
            return false;
        }
    }
}
