using Intake.Crypto.Age;

namespace Intake.Web.Reporting.Uploads;

/// <summary>Seals plaintext as it streams in, to the given recipients, stopping at the size limit.</summary>
public sealed class ServerFileSealer(IReadOnlyCollection<IRecipient> recipients) : IFileSealer
{
    public async Task<(bool Ok, string? MessageKey, long Size)> SealAsync(Stream part, Stream target, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(part);
        var buffer = new byte[64 * 1024];
        long total = 0;
        var sealing = AgeFile.OpenWrite(target, recipients, armor: false, leaveOpen: true);
        await using (sealing)
        {
            int read;
            while ((read = await part.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    System.Security.Cryptography.CryptographicOperations.ZeroMemory(buffer);
                    return (false, "Upload.Error.FileTooLarge", total);
                }

                await sealing.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        System.Security.Cryptography.CryptographicOperations.ZeroMemory(buffer);
        return (true, null, total);
    }
}
