namespace Intake.Web.Reporting.Uploads;

/// <summary>
/// Turns one uploaded file part into a sealed file on disk: the server seals plaintext as it streams in; for a
/// browser-sealed submission the part already is an age file and is checked and copied. Returns false (and
/// leaves nothing behind) when the part is refused, with the reason as a message key.
/// </summary>
public interface IFileSealer
{
    Task<(bool Ok, string? MessageKey, long Size)> SealAsync(Stream part, Stream target, long maxBytes, CancellationToken cancellationToken);
}
