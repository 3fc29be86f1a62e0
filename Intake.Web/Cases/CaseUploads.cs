using Intake.Crypto.Age;
using Intake.Web.Hosting;
using Intake.Web.Reporting.Forms;
using Intake.Web.Reporting.Uploads;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Intake.Web.Cases;

/// <summary>
/// Reads a handler's form that may carry files (a reply, an internal note, a registration) without letting the
/// framework buffer it. A multipart body streams through <see cref="MultipartUploadReader"/>: the antiforgery token
/// (the first field) is checked before any file is read, and each file is sealed on the server, as it arrives, to
/// the recipients <c>recipientsFor</c> gives from the fields read so far (null refuses the files). A small
/// url-encoded body, a form without files, is read in memory and its token checked the usual way. Any other body is
/// refused unread. The pages using this opt out of the framework's antiforgery filter and bind no properties.
/// </summary>
public sealed class CaseUploads(MultipartUploadReader reader, IAntiforgery antiforgery, IOptions<UploadOptions> options, DataDirectory data)
{
    public const string FileField = "attachments";

    private const string TokenField = "__RequestVerificationToken";

    public UploadOptions Limits => options.Value;

    public async Task<UploadResult> ReadAsync(
        HttpContext context, Func<FormAnswers, IReadOnlyCollection<IRecipient>?> recipientsFor, Guid? caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(recipientsFor);
        if (IsMedia(context.Request.ContentType, "multipart/form-data"))
        {
            return await reader.ReadAsync(
                context, fields => recipientsFor(fields) is { } recipients ? new ServerFileSealer(recipients) : null, data.Attachments, [FileField], caseId, cancellationToken);
        }

        var result = new UploadResult();
        if (!IsMedia(context.Request.ContentType, "application/x-www-form-urlencoded"))
        {
            result.AntiforgeryFailed = true;
            return result;
        }

        var limit = options.Value.MaxTextBytes;
        if (context.Request.ContentLength > limit)
        {
            result.TextTooLarge = true;
            return result;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is BadHttpRequestException or InvalidDataException)
        {
            result.TextTooLarge = true;
            return result;
        }

        foreach (var (name, values) in form)
        {
            if (string.Equals(name, TokenField, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var value in values)
            {
                result.Fields.Add(name, (value ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal));
            }
        }

        result.AntiforgeryFailed = !await antiforgery.IsRequestValidAsync(context);
        return result;
    }

    /// <summary>The names of the files to choose again after a refused form: those taken (now dropped) and those refused.</summary>
    public static IReadOnlyList<string> ToChooseAgain(UploadResult upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        return upload.Files.Select(f => f.Info.Name).Concat(upload.Refused.Select(r => r.Name)).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
    }

    private static bool IsMedia(string? contentType, string media) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) && parsed.MediaType.Equals(media, StringComparison.OrdinalIgnoreCase);
}
