using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Intake.Web.Reporting.Uploads;

/// <summary>
/// The one guarded way a multipart form is read (docs/availability.md). The form streams, so that no part of it is
/// buffered to a temporary file by the framework: text fields stay in memory, each file part streams straight into
/// an <see cref="IFileSealer"/> that writes only ciphertext, into a staging file whose every byte is first taken
/// from the <see cref="StorageGuard"/> (quotas and the free-disk guard). The antiforgery token must come first in
/// the form (the pages put it there); no file is read before it is validated. Oversized files are refused one by
/// one and the rest of the submission is kept. Whatever goes wrong on the way (the client leaves, the body breaks
/// off, a part is malformed, the disk or a quota says no) deletes what this request staged and is answered, never
/// thrown: <see cref="UploadResult.Malformed"/>, or a refused file with its reason.
/// </summary>
public sealed class MultipartUploadReader(
    IAntiforgery antiforgery, IOptions<UploadOptions> options, IOptions<AntiforgeryOptions> antiforgeryOptions, StorageGuard guard)
{
    private const string TokenField = "__RequestVerificationToken";
    private readonly UploadOptions _limits = options.Value;

    /// <summary>
    /// Reads the form. <paramref name="sealerFor"/> is asked for a sealer at the first file part, with the text
    /// fields read so far (the sealing mode and mailbox fields come before any file); null refuses the files.
    /// <paramref name="caseId"/> names the case the files join, for its quota (null for a new case).
    /// </summary>
    public Task<UploadResult> ReadAsync(
        HttpContext context, Func<Forms.FormAnswers, IFileSealer?> sealerFor, string stagingDirectory, IReadOnlyCollection<string> fileFields,
        Guid? caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sealerFor);
        return ReadAsync(context, fields => Task.FromResult(sealerFor(fields)), stagingDirectory, fileFields, caseId, cancellationToken);
    }

    /// <summary>Reads the form, asking <paramref name="sealerFor"/> for a sealer asynchronously (it may consult the database).</summary>
    public async Task<UploadResult> ReadAsync(
        HttpContext context, Func<Forms.FormAnswers, Task<IFileSealer?>> sealerFor, string stagingDirectory, IReadOnlyCollection<string> fileFields,
        Guid? caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(sealerFor);
        ArgumentNullException.ThrowIfNull(fileFields);
        var boundary = Boundary(context.Request.ContentType);
        if (boundary is null)
        {
            return new UploadResult { AntiforgeryFailed = true };
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = _limits.MaxRequestBytes;
        }

        var result = new UploadResult(await guard.AllowanceAsync(caseId, cancellationToken));
        var form = new FormRead(context, new MultipartReader(boundary, context.Request.Body), result, sealerFor, stagingDirectory, fileFields);
        try
        {
            await ReadSectionsAsync(form, cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            result.DeleteStaged();
            result.Refused.Add((string.Empty, "Upload.Error.SubmissionTooLarge"));
        }
        catch (Exception ex) when (ex is IOException or BadHttpRequestException or InvalidDataException or OperationCanceledException)
        {
            // The client left mid-upload, the body broke off, or it was not a well-formed multipart form (an
            // unterminated body, too many part headers): nothing staged survives, the text read so far is kept.
            result.DeleteStaged();
            result.Malformed = true;
            result.Refused.Add((string.Empty, "Upload.Error.Malformed"));
        }
        catch
        {
            result.Dispose();
            throw;
        }

        if (!form.Validated)
        {
            result.AntiforgeryFailed = true;
        }

        return result;
    }

    private async Task ReadSectionsAsync(FormRead form, CancellationToken cancellationToken)
    {
        var result = form.Result;
        long textBytes = 0;
        long fileBytes = 0;
        IFileSealer? sealer = null;
        while (await form.Reader.ReadNextSectionAsync(cancellationToken) is { } section)
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
                    return;
                }

                if (string.Equals(name, TokenField, StringComparison.Ordinal))
                {
                    // A stale token (say, a browser restored from yesterday) must not lose what was typed:
                    // the text is still read, so the form can be shown again, but no file is taken.
                    form.Validated = await ValidateTokenAsync(form.Context, value);
                    result.AntiforgeryFailed = !form.Validated;
                    continue;
                }

                result.Fields.Add(name, value);
                continue;
            }

            var fileName = CleanFileName(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value);
            if (!form.FileFields.Contains(name) || fileName.Length == 0)
            {
                await DrainAsync(section.Body, cancellationToken);
                continue;
            }

            var refusal = !form.Validated ? "Upload.Error.Resend"
                : result.Files.Count(f => f.Field == name) >= _limits.MaxFiles ? "Upload.Error.TooMany"
                : null;

            // Counted per field: a browser-sealed document (the report or message itself) does not take the
            // place of an attachment.
            if (refusal is null)
            {
                sealer ??= await form.SealerFor(result.Fields);
                refusal = sealer is null ? "Upload.Error.Sealed" : null;
            }

            if (refusal is not null)
            {
                result.Refused.Add((fileName, refusal));
                await DrainAsync(section.Body, cancellationToken);
                continue;
            }

            var limit = Math.Min(_limits.MaxFileBytes, _limits.MaxSubmissionBytes - fileBytes);
            var staged = await StageAsync(section, sealer!, form.StagingDirectory, name, fileName, limit, result.Allowance, cancellationToken);
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

    /// <summary>
    /// Seals one part into a new staging file. The file is deleted unless this returns it: on a refusal, a full
    /// disk or quota, and on any exception (the client gone, the body broken off).
    /// </summary>
    private static async Task<(StagedFile? File, string? MessageKey)> StageAsync(
        MultipartSection section, IFileSealer sealer, string stagingDirectory, string field, string fileName, long limit, UploadAllowance? allowance,
        CancellationToken cancellationToken)
    {
        var contentType = MediaTypeHeaderValue.TryParse(section.ContentType, out var media) ? media.MediaType.Value ?? "application/octet-stream" : "application/octet-stream";
        var tempPath = Path.Combine(stagingDirectory, StagedFile.TempPrefix + Guid.NewGuid().ToString("N"));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, BufferSize = 0 };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var kept = false;
        long written = 0;
        try
        {
            bool ok;
            string? key;
            long size;
            await using (var file = new FileStream(tempPath, options))
            {
                Stream target = file;
                var guarded = allowance is null ? null : new GuardedWriteStream(file, allowance);
                try
                {
                    (ok, key, size) = await sealer.SealAsync(part: section.Body, target: guarded ?? target, limit, cancellationToken);
                }
                catch (StorageFullException)
                {
                    (ok, key, size) = (false, "Upload.Error.StorageFull", 0);
                }
                finally
                {
                    written = guarded?.Written ?? 0;
                }

                if (ok)
                {
                    file.Flush(flushToDisk: true);
                }
            }

            if (!ok)
            {
                return (null, key);
            }

            kept = true;
            return (new StagedFile(tempPath, field, new AttachmentInfo(fileName, contentType, size), allowance), null);
        }
        finally
        {
            if (!kept)
            {
                File.Delete(tempPath);
                allowance?.Return(written);
            }
        }
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

    internal static string CleanFileName(string? raw) => Cases.SafeFileName.Strip(raw);

    private static string? Boundary(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || !media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var boundary = HeaderUtilities.RemoveQuotes(media.Boundary).Value;
        return string.IsNullOrWhiteSpace(boundary) || boundary.Length > 200 ? null : boundary;
    }

    /// <summary>One form being read: where it comes from, what it holds so far and whether its token was good.</summary>
    private sealed class FormRead(
        HttpContext context, MultipartReader reader, UploadResult result, Func<Forms.FormAnswers, Task<IFileSealer?>> sealerFor, string stagingDirectory,
        IReadOnlyCollection<string> fileFields)
    {
        public HttpContext Context { get; } = context;

        public MultipartReader Reader { get; } = reader;

        public UploadResult Result { get; } = result;

        public Func<Forms.FormAnswers, Task<IFileSealer?>> SealerFor { get; } = sealerFor;

        public string StagingDirectory { get; } = stagingDirectory;

        public IReadOnlyCollection<string> FileFields { get; } = fileFields;

        public bool Validated { get; set; }
    }
}
