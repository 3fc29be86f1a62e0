using System.Globalization;
using Intake.Web.Cases;
using Intake.Web.Reporting.Uploads;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Intake.Web.Mailbox;

/// <summary>
/// The mailbox for the page's script (docs/report-format.md, "The mailbox with JavaScript"). Every request, read or
/// write, proves possession of the token with the mailbox authenticator in the <see cref="AuthenticatorHeader"/>
/// header (docs/mailbox-token.md), never in the address (addresses reach logs and history); the server keeps only
/// its hash, so nothing in the database opens a mailbox. Each request takes one attempt from
/// <see cref="MailboxAttempts"/> like the token form, and gets one answer for everything that opens nothing.
/// Everything is POST, answered <c>no-store</c> by the security headers, and carries the antiforgery token.
/// </summary>
public static class MailboxApi
{
    public const string AuthenticatorHeader = "Intake-Mailbox-Authenticator";

    /// <summary>The v1 lookup id, sent only to move a case from before the authenticator (with a challenge).</summary>
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
        var (record, refusal) = await OpenAsync(context, checkAntiforgery: true, mayMoveLegacy: true);
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
        var expired = result.Problems.Any(p => p.MessageKey == Reporting.Errors.FormErrors.ExpiredKey);
        return Results.Json(new ApiErrors(errors, expired), statusCode: StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> MeetingAsync(HttpContext context, MailboxService mailboxes)
    {
        var (record, refusal) = await OpenAsync(context, checkAntiforgery: true);
        if (record is null)
        {
            return refusal!;
        }

        await mailboxes.RequestMeetingAsync(record.Id, context.RequestAborted);
        return Results.Json(new { sent = true });
    }

    /// <summary>The gate every request passes: one attempt, the antiforgery header, the authenticator.</summary>
    /// <param name="mayMoveLegacy">Only the thread, the script's first request, moves a case from before the authenticator.</param>
    private static async Task<(CaseRecord? Record, IResult? Refusal)> OpenAsync(HttpContext context, bool checkAntiforgery, bool mayMoveLegacy = false)
    {
        var services = context.RequestServices;
        if (checkAntiforgery && !await services.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
        {
            return (null, Error(context, StatusCodes.Status400BadRequest, Reporting.Errors.FormErrors.ExpiredKey));
        }

        var mailboxes = services.GetRequiredService<MailboxService>();
        var authenticator = ParseHex32(context.Request.Headers[AuthenticatorHeader].ToString());
        if (authenticator is null)
        {
            return (null, await FailureAsync(context));
        }

        var record = await mailboxes.FindByAuthenticatorAsync(authenticator, context.RequestAborted);
        if (record is not null)
        {
            return (record, null);
        }

        return mayMoveLegacy ? await MoveLegacyAsync(context, mailboxes, authenticator) : (null, await FailureAsync(context));
    }

    /// <summary>
    /// An authenticator or lookup id that opens nothing: counted against the one bound on failures, and answered
    /// "not found", or "too many attempts" while failures are over it (docs/availability.md). A right one is never
    /// limited.
    /// </summary>
    private static async Task<IResult> FailureAsync(HttpContext context) =>
        await context.RequestServices.GetRequiredService<MailboxAttempts>().TryRecordFailureAsync(context.RequestAborted)
            ? NotFound(context)
            : Error(context, StatusCodes.Status429TooManyRequests, "Mailbox.Error.Busy");

    /// <summary>
    /// A case from before the authenticator, named by its v1 lookup id: moved to the verifier of the presented
    /// authenticator only once the request opened a challenge sealed to the case's mailbox recipient. Until then
    /// the thread's answer is the challenge (<c>{"challenge", "state"}</c>, 200: the script's next step, not an error).
    /// </summary>
    private static async Task<(CaseRecord? Record, IResult? Refusal)> MoveLegacyAsync(HttpContext context, MailboxService mailboxes, byte[] authenticator)
    {
        var lookupId = ParseHex32(context.Request.Headers[LookupHeader].ToString());
        var legacy = lookupId is null ? null : await mailboxes.FindLegacyAsync(lookupId, context.RequestAborted);
        if (legacy is null)
        {
            return (null, await FailureAsync(context));
        }

        var challenges = context.RequestServices.GetRequiredService<MailboxChallenge>();
        var state = context.Request.Headers[MailboxChallenge.StateHeader].ToString();
        var proof = context.Request.Headers[MailboxChallenge.ProofHeader].ToString();
        if (state.Length == 0 || !challenges.Verify(legacy.Id, state, proof))
        {
            var (challenge, newState) = challenges.Issue(legacy.Id, legacy.MailboxRecipient);
            return (null, Results.Json(new { challenge, state = newState }));
        }

        var verifier = Intake.Crypto.Mailbox.MailboxKeys.VerifierOf(authenticator);
        await mailboxes.MoveToVerifierAsync(legacy.Id, verifier, context.RequestAborted);
        return (await mailboxes.FindByAuthenticatorAsync(authenticator, context.RequestAborted), null);
    }

    /// <summary>64 lower-case hex digits (docs/mailbox-token.md), or null.</summary>
    internal static byte[]? ParseHex32(string value) =>
        value.Length == 64 && value.All(char.IsAsciiHexDigitLower) ? Convert.FromHexString(value) : null;

    /// <summary>The one answer for an id that opens nothing, whether malformed, unknown or not this case's file.</summary>
    private static IResult NotFound(HttpContext context) => Error(context, StatusCodes.Status404NotFound, "Mailbox.Error.NotFound");

    private static IResult Error(HttpContext context, int status, string key) =>
        Results.Json(new ApiErrors([new ApiError(string.Empty, null, Text(context)[key])], key == Reporting.Errors.FormErrors.ExpiredKey), statusCode: status);

    private static IStringLocalizer<SharedResource> Text(HttpContext context) =>
        context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();

    /// <param name="Expired">The form had expired (antiforgery): the script takes a fresh one and keeps what was typed.</param>
    private sealed record ApiErrors(IReadOnlyList<ApiError> Errors, bool Expired = false);

    private sealed record ApiError(string Field, int? Index, string Message);
}
