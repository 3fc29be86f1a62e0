using System.Globalization;
using Intake.Web.Cases;
using Intake.Web.Reporting.Uploads;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Intake.Web.Mailbox;

/// <summary>
/// The mailbox for the page's script (docs/report-format.md, "The mailbox with JavaScript"). Every request proves
/// knowledge of the token with the mailbox lookup id in the <see cref="LookupHeader"/> header, never in the address
/// (addresses reach logs and history); an id that opens nothing is counted by <see cref="MailboxAttempts"/> like a
/// wrong code at the door, and gets one answer for every id that opens nothing. Everything is POST, answered <c>no-store</c> by the
/// security headers, and carries the antiforgery token.
/// </summary>
public static class MailboxApi
{
    public const string LookupHeader = "Intake-Mailbox-Lookup";
    public const string Prefix = "/mailbox/api";

    public static IEndpointRouteBuilder MapMailboxApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup(Prefix);
        api.MapPost("/thread", ThreadAsync);
        api.MapPost("/attachments/{id:guid}", AttachmentAsync);
        api.MapPost("/messages", MessageAsync);
        api.MapPost("/meeting", MeetingAsync);
        return endpoints;
    }

    private static async Task<IResult> ThreadAsync(HttpContext context, SealedMailbox mailbox)
    {
        var (record, refusal) = await OpenAsync(context, checkAntiforgery: true);
        return record is null ? refusal! : Results.Json(await mailbox.ThreadAsync(record, context.RequestAborted));
    }

    private static async Task<IResult> AttachmentAsync(HttpContext context, Guid id, SealedMailbox mailbox)
    {
        var (record, refusal) = await OpenAsync(context, checkAntiforgery: true);
        if (record is null)
        {
            return refusal!;
        }

        var file = await mailbox.OpenAttachmentAsync(record, id, context.RequestAborted);
        return file is null ? NotFound(context) : Results.Stream(file, "application/octet-stream");
    }

    private static async Task<IResult> MessageAsync(HttpContext context, SealedMailbox mailbox, IOptions<UploadOptions> uploads)
    {
        // The antiforgery token comes first in the multipart body and is checked there, before any file is read:
        // the framework's check would buffer the whole form.
        var (record, refusal) = await OpenAsync(context, checkAntiforgery: false);
        if (record is null)
        {
            return refusal!;
        }

        var result = await mailbox.AddMessageAsync(context, record, context.RequestAborted);
        if (result.Sent)
        {
            return Results.Json(new { sent = true });
        }

        var text = Text(context);
        var maxFileMb = uploads.Value.MaxFileBytes / 1_000_000;
        var maxTotalMb = uploads.Value.MaxSubmissionBytes / 1_000_000;
        var errors = result.Problems.Select(p => new ApiError(
            p.Index is null ? string.Empty : "attachments", p.Index, string.Format(CultureInfo.CurrentCulture, text[p.MessageKey], maxFileMb, maxTotalMb))).ToList();
        return Results.Json(new ApiErrors(errors), statusCode: StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> MeetingAsync(HttpContext context, MailboxService mailboxes)
    {
        var (record, refusal) = await OpenAsync(context, checkAntiforgery: true);
        if (record is null)
        {
            return refusal!;
        }

        await mailboxes.RequestMeetingAsync(record.MailboxLookupId, context.RequestAborted);
        return Results.Json(new { sent = true });
    }

    /// <summary>
    /// The gate every request passes: the antiforgery header, the lookup id. Only an id that opens nothing is
    /// counted (<see cref="MailboxAttempts"/>), so failures never starve a mailbox whose id is right.
    /// </summary>
    private static async Task<(CaseRecord? Record, IResult? Refusal)> OpenAsync(HttpContext context, bool checkAntiforgery)
    {
        var services = context.RequestServices;
        if (checkAntiforgery && !await services.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
        {
            return (null, Error(context, StatusCodes.Status400BadRequest, "Report.Error.Expired"));
        }

        var lookupId = ParseLookupId(context.Request.Headers[LookupHeader].ToString());
        var record = lookupId is null ? null : await services.GetRequiredService<MailboxService>().FindAsync(lookupId, context.RequestAborted);
        if (record is not null)
        {
            return (record, null);
        }

        return services.GetRequiredService<MailboxAttempts>().TryRecordFailure()
            ? (null, NotFound(context))
            : (null, Error(context, StatusCodes.Status429TooManyRequests, "Mailbox.Error.Busy"));
    }

    /// <summary>64 lower-case hex digits (docs/mailbox-token.md), or null.</summary>
    internal static byte[]? ParseLookupId(string value) =>
        value.Length == 64 && value.All(char.IsAsciiHexDigitLower) ? Convert.FromHexString(value) : null;

    /// <summary>The one answer for an id that opens nothing, whether malformed, unknown or not this case's file.</summary>
    private static IResult NotFound(HttpContext context) => Error(context, StatusCodes.Status404NotFound, "Mailbox.Error.NotFound");

    private static IResult Error(HttpContext context, int status, string key) =>
        Results.Json(new ApiErrors([new ApiError(string.Empty, null, Text(context)[key])]), statusCode: status);

    private static IStringLocalizer<SharedResource> Text(HttpContext context) =>
        context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();

    private sealed record ApiErrors(IReadOnlyList<ApiError> Errors);

    private sealed record ApiError(string Field, int? Index, string Message);
}
