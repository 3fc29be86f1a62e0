using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Intake.Web.Reporting.Uploads;

/// <summary>
/// Reads a multipart form as a stream, so that no part of it is buffered to a temporary file by the framework:
/// text fields stay in memory, each file part streams straight into an <see cref="IFileSealer"/> that writes only
/// ciphertext. The antiforgery token must come first in the form (the pages put it there); no file is read before
/// it is validated. Oversized files are refused one by one and the rest of the submission is kept.
/// </summary>
public sealed class MultipartUploadReader(IAntiforgery antiforgery, IOptions<UploadOptions> options, IOptions<AntiforgeryOptions> antiforgeryOptions)
{
    private const string TokenField = "__RequestVerificationToken";
    private readonly UploadOptions _limits = options.Value;

    /// <summary>
    /// Reads the form. <paramref name="sealerFor"/> is asked for a sealer at the first file part, with the text
    /// fields read so far (the sealing mode and mailbox fields come before any file); null refuses the files.
    /// </summary>
    public async Task<UploadResult> ReadAsync(
        HttpContext context, Func<Forms.FormAnswers, IFileSealer?> sealerFor, string stagingDirectory, IReadOnlyCollection<string> fileFields,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(sealerFor);
        ArgumentNullException.ThrowIfNull(fileFields);
        IFileSealer? sealer = null;
        var result = new UploadResult();
        var boundary = Boundary(context.Request.ContentType);
        if (boundary is null)
        {
            result.AntiforgeryFailed = true;
            return result;
        }

        context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize = _limits.MaxRequestBytes;
        var reader = new MultipartReader(boundary, context.Request.Body);
        var validated = false;
        long textBytes = 0;
        long fileBytes = 0;
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !(disposition.IsFormDisposition() || disposition.IsFileDisposition()))
                {
                    await DrainAsync(section.Body, cancellationToken);
                    continue;
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
                if (!disposition.IsFileDisposition())
                {
                    var (value, length) = await ReadTextAsync(section.Body, _limits.MaxTextBytes - textBytes, cancellationToken);
                    textBytes += length;
                    if (value is null)
                    {
                        result.TextTooLarge = true;
                        return result;
                    }

                    if (string.Equals(name, TokenField, StringComparison.Ordinal))
                    {
                        // A stale token (say, a browser restored from yesterday) must not lose what was typed:
                        // the text is still read, so the form can be shown again, but no file is taken.
                        validated = await ValidateTokenAsync(context, value);
                        result.AntiforgeryFailed = !validated;
                        continue;
                    }

                    result.Fields.Add(name, value);
                    continue;
                }

                var fileName = CleanFileName(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value);
                if (!fileFields.Contains(name) || fileName.Length == 0)
                {
                    await DrainAsync(section.Body, cancellationToken);
                    continue;
                }

                if (!validated)
                {
                    result.Refused.Add((fileName, "Upload.Error.Resend"));
                    await DrainAsync(section.Body, cancellationToken);
                    continue;
                }

                // Counted per field: a browser-sealed document (the report or message itself) does not take the
                // place of an attachment.
                if (result.Files.Count(f => f.Field == name) >= _limits.MaxFiles)
                {
                    result.Refused.Add((fileName, "Upload.Error.TooMany"));
                    await DrainAsync(section.Body, cancellationToken);
                    continue;
                }

                sealer ??= sealerFor(result.Fields);
                if (sealer is null)
                {
                    result.Refused.Add((fileName, "Upload.Error.Sealed"));
                    await DrainAsync(section.Body, cancellationToken);
                    continue;
                }

                var limit = Math.Min(_limits.MaxFileBytes, _limits.MaxSubmissionBytes - fileBytes);
                var staged = await StageAsync(section, sealer, stagingDirectory, name, fileName, limit, cancellationToken);
                if (staged.File is not null)
                {
                    fileBytes += staged.File.Info.Size;
                    result.Files.Add(staged.File);
                }
                else
                {
                    result.Refused.Add((fileName, staged.MessageKey!));
                    await DrainAsync(section.Body, cancellationToken);
                }
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            result.Refused.Add((string.Empty, "Upload.Error.SubmissionTooLarge"));
        }

        if (!validated)
        {
            result.AntiforgeryFailed = true;
        }

        return result;
    }

    private static async Task<(StagedFile? File, string? MessageKey)> StageAsync(
        MultipartSection section, IFileSealer sealer, string stagingDirectory, string field, string fileName, long limit, CancellationToken cancellationToken)
    {
        var contentType = MediaTypeHeaderValue.TryParse(section.ContentType, out var media) ? media.MediaType.Value ?? "application/octet-stream" : "application/octet-stream";
        var tempPath = Path.Combine(stagingDirectory, StagedFile.TempPrefix + Guid.NewGuid().ToString("N"));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, BufferSize = 0 };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        bool ok;
        string? key;
        long size;
        await using (var target = new FileStream(tempPath, options))
        {
            (ok, key, size) = await sealer.SealAsync(section.Body, target, limit, cancellationToken);
            if (ok)
            {
                target.Flush(flushToDisk: true);
            }
        }

        if (!ok)
        {
            File.Delete(tempPath);
            return (null, key);
        }

        return (new StagedFile(tempPath, field, new AttachmentInfo(fileName, contentType, size)), null);
    }

    private async Task<bool> ValidateTokenAsync(HttpContext context, string token)
    {
        // The token store reads the header before it would read the form: give it the token from the stream.
        var header = antiforgeryOptions.Value.HeaderName ?? "RequestVerificationToken";
        context.Request.Headers[header] = token;
        return await antiforgery.IsRequestValidAsync(context);
    }

    private static async Task<(string? Value, long Length)> ReadTextAsync(Stream body, long budget, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > budget)
            {
                return (null, buffer.Length + read);
            }

            buffer.Write(chunk, 0, read);
        }

        var text = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        Array.Clear(buffer.GetBuffer());
        return (text.Replace("\r\n", "\n", StringComparison.Ordinal), buffer.Length);
    }

    private static async Task DrainAsync(Stream body, CancellationToken cancellationToken)
    {
        var chunk = new byte[16384];
        while (await body.ReadAsync(chunk, cancellationToken) > 0)
        {
        }
    }

    internal static string CleanFileName(string? raw)
    {
        var name = Path.GetFileName((raw ?? string.Empty).Replace('\\', '/'));
        var clean = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return clean.Length > 200 ? clean[..200] : clean;
    }

    private static string? Boundary(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || !media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var boundary = HeaderUtilities.RemoveQuotes(media.Boundary).Value;
        return string.IsNullOrWhiteSpace(boundary) || boundary.Length > 200 ? null : boundary;
    }
}
