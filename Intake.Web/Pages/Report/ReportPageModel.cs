using System.Globalization;
using Intake.Web.Keys;
using Intake.Web.Localization;
using Intake.Web.Reporting;
using Intake.Web.Reporting.Errors;
using Intake.Web.Reporting.Forms;
using Intake.Web.Reporting.Uploads;
using Intake.Web.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Intake.Web.Pages.Report;

/// <summary>
/// A report form. Without JavaScript it posts as a stream that the server seals in the request; the framework's
/// form reading (and with it the antiforgery check, which would buffer files to disk) is bypassed, and the
/// token is checked by <see cref="Reporting.Uploads.MultipartUploadReader"/> before any file is read.
/// </summary>
[IgnoreAntiforgeryToken]
[DisableRequestSizeLimit]
public abstract class ReportPageModel(
    IntakeDbContext db, ReportIntake reports, ReceiptTicket receipts, Reporting.Admission.SubmissionGate gate, IStringLocalizer<SharedResource> text,
    IOptions<UploadOptions> uploads) : PageModel
{
    protected abstract string ChannelCode { get; }

    public ReportForm Form => ReportForms.For(ChannelCode);

    public FormAnswers Answers { get; private set; } = new();

    public ReportOutcome? Rejected { get; private set; }

    /// <summary>Why the report was sent back, in the words both modes show (the page's summary, the script's JSON).</summary>
    public IReadOnlyList<ShownError> Errors { get; private set; } = [];

    public Channel? Channel { get; private set; }

    public string? Fingerprint { get; private set; }

    /// <summary>The channel's current public key, for sealing in the browser.</summary>
    public string? Recipient { get; private set; }

    /// <summary>The form's stamp (docs/availability.md): kept from the form first shown, so waiting counts.</summary>
    public string Stamp { get; private set; } = string.Empty;

    /// <summary>The form came from the language switch with what was typed: the files it named are to be chosen again.</summary>
    public KeptAnswers? LanguageSwitched { get; private set; }

    /// <summary>The form the layout's language switch posts (without JavaScript), so what was typed is kept.</summary>
    [ViewData]
    public string LanguageSwitchForm { get; set; } = FormId;

    public const string FormId = "report-form";

    /// <summary>While too many reports arrive: the localized message saying how long to wait before sending again.</summary>
    public string? WaitMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadChannelAsync())
        {
            return NotFound();
        }

        Stamp = await gate.StampForAsync(ChannelCode, HttpContext.RequestAborted);
        // Threats reporters choose how they appear themselves: nothing is preselected for them.
        if (Channels.ChannelKinds.For(ChannelCode).PreselectedIdentityMode is { } mode)
        {
            Answers.Add(CommonFields.IdentityMode, mode);
        }

        Answers.Add(CommonFields.AllowAcknowledgement, "true");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadChannelAsync())
        {
            return NotFound();
        }

        var outcome = await reports.SubmitAsync(HttpContext, ChannelCode, Languages.Current.Code, HttpContext.RequestAborted);
        if (outcome.Mode == Cases.SealingMode.Browser)
        {
            return BrowserResult(outcome);
        }

        if (outcome.Receipt is { } receipt)
        {
            receipts.Issue(HttpContext, receipt);
            return RedirectToPage("/Report/Receipt");
        }

        Rejected = outcome;
        Errors = ErrorsOf(outcome);
        Answers = outcome.Answers;
        Stamp = string.IsNullOrEmpty(outcome.Stamp) ? await gate.StampForAsync(ChannelCode, HttpContext.RequestAborted) : outcome.Stamp;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        if (outcome.Refusal is { } refusal)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(refusal.RetryAfter.TotalSeconds));
            WaitMessage = string.Format(CultureInfo.CurrentCulture, text["Report.Error.Wait"], seconds);
            Errors = [new ShownError(string.Empty, WaitMessage)];
            Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
        }

        return Page();
    }

    /// <summary>The language switch without JavaScript: the form again, in this request's language, with what was typed. Nothing is sent.</summary>
    /// <remarks>No handler parameter: binding one would make the framework read (and buffer) the whole form first.</remarks>
    public async Task<IActionResult> OnPostLanguageAsync()
    {
        if (!await LoadChannelAsync())
        {
            return NotFound();
        }

        var typed = HttpContext.RequestServices.GetRequiredService<TypedAnswers>();
        LanguageSwitched = await typed.ReadAsync(HttpContext, HttpContext.RequestAborted);
        Answers = LanguageSwitched.Answers;
        Stamp = LanguageSwitched.Stamp.Length > 0 ? LanguageSwitched.Stamp : await gate.StampForAsync(ChannelCode, HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>
    /// A browser-sealed submission is answered in JSON: the script shows the receipt itself, because only the
    /// browser knows the mailbox token.
    /// </summary>
    private JsonResult BrowserResult(ReportOutcome outcome)
    {
        if (outcome.Refusal is { } refusal)
        {
            // Too many reports right now: the script solves the proof of work in a worker and sends again.
            return new JsonResult(new
            {
                errors = new[] { new { field = string.Empty, message = text["Report.Error.Busy"].Value, index = (int?)null } },
                proof = new { challenge = refusal.Challenge, bits = refusal.Bits },
            })
            { StatusCode = StatusCodes.Status429TooManyRequests };
        }

        if (outcome.Receipt is { } receipt)
        {
            return new JsonResult(new { caseNumber = receipt.CaseNumber, receivedOn = ReceiptText.Day(receipt.ReceivedOn), files = receipt.Files });
        }

        // An expired form: the script fetches a fresh token and stamp and the reporter sends again, nothing retyped.
        var errors = ErrorsOf(outcome).Select(e => new { field = e.Field, message = e.Message, index = e.FileIndex });
        return new JsonResult(new { errors, expired = outcome.FormExpired }) { StatusCode = StatusCodes.Status422UnprocessableEntity };
    }

    /// <summary>The error summary's view: the problems, linked to the first control of their field.</summary>
    public ErrorSummaryView Summary => new(
        text["Report.ReportForm.ReportHasNotBeenSent"], Errors, Rejected?.FilesToChooseAgain ?? [], text["Common.ChooseTheseFilesAgainBefore"], ControlId);

    /// <summary>The title of the page: "Fel: …" while the form was sent back, so a screen reader hears it first.</summary>
    public string TitleFor(string heading) => Errors.Count > 0 ? text["Common.ErrorTitle", heading] : heading;

    private string? ControlId(string field) => field switch
    {
        ReportIntake.FileField => "attachments",
        ReportIntake.UnitField => "f-" + ReportIntake.UnitField,
        _ => Form.Field(field) switch
        {
            null => null,
            { Kind: FieldKind.Radio or FieldKind.Checkboxes } => $"f-{field}-0",
            _ => "f-" + field,
        },
    };

    public IReadOnlyList<string> ErrorsFor(string field) =>
        Rejected is null || Rejected.FormExpired ? [] : Rejected.Problems.Where(p => p.Field == field).Select(p => p.MessageKey).ToList();

    private IReadOnlyList<ShownError> ErrorsOf(ReportOutcome outcome) =>
        FormErrors.Show(text, FormErrors.Of(outcome.Problems, outcome.RefusedFiles, outcome.FormExpired), Form, uploads.Value);

    private async Task<bool> LoadChannelAsync()
    {
        Channel = await db.Channels.AsNoTracking().SingleOrDefaultAsync(c => c.Code == ChannelCode, HttpContext.RequestAborted);
        if (Channel is null)
        {
            return false;
        }

        var recipient = await db.ChannelKeys.AsNoTracking()
            .Where(k => k.ChannelId == Channel.Id && k.Version == Channel.CurrentKeyVersion)
            .Select(k => k.Recipient).SingleAsync(HttpContext.RequestAborted);
        Fingerprint = KeyFingerprint.Of(recipient);
        Recipient = recipient;
        return true;
    }
}
