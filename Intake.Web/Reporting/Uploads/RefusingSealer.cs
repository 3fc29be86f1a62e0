namespace Intake.Web.Reporting.Uploads;

/// <summary>Takes no file: every part is refused with the given reason (the part is then drained, never written).</summary>
public sealed class RefusingSealer(string messageKey) : IFileSealer
{
    public Task<(bool Ok, string? MessageKey, long Size)> SealAsync(Stream part, Stream target, long maxBytes, CancellationToken cancellationToken) =>
        Task.FromResult<(bool, string?, long)>((false, messageKey, 0));
}
