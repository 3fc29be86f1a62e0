using System.Globalization;
using Intake.Web.Keys;
using Intake.Web.Localization;
using Intake.Web.Reporting;
using Intake.Web.Reporting.Forms;
using Intake.Web.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Pages.Report;

/// <summary>
/// A report form. Without JavaScript it posts as a stream that the server seals in the request; the framework's
/// form reading (and with it the antiforgery check, which would buffer files to disk) is bypassed, and the
/// token is checked by <see cref="Reporting.Uploads.MultipartUploadReader"/> before any file is read.
/// </summary>
[IgnoreAntiforgeryToken]
[DisableRequestSizeLimit]
public abstract class ReportPageModel(IntakeDbContext db, ServerSealedReports reports, ReceiptTicket receipts) : PageModel
{
    protected abstract string ChannelCode { get; }

    public ReportForm Form => ReportForms.For(ChannelCode);

    public FormAnswers Answers { get; private set; } = new();

    public ReportOutcome? Rejected { get; private set; }

    public Channel? Channel { get; private set; }

    public string? Fingerprint { get; private set; }

    public bool English => Languages.IsEnglish(CultureInfo.CurrentUICulture);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadChannelAsync())
        {
            return NotFound();
        }

        Answers.Add(CommonFields.IdentityMode, CommonFields.Anonymous);
        Answers.Add(CommonFields.AllowAcknowledgement, "true");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadChannelAsync())
        {
            return NotFound();
        }

        var outcome = await reports.SubmitAsync(HttpContext, ChannelCode, English ? "en" : "sv", HttpContext.RequestAborted);
        if (outcome.Receipt is { } receipt)
        {
            receipts.Issue(HttpContext, receipt);
            return RedirectToPage("/Report/Receipt");
        }

        Rejected = outcome;
        Answers = outcome.Answers;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public IReadOnlyList<string> ErrorsFor(string field) =>
        Rejected?.Problems.Where(p => p.Field == field).Select(p => p.MessageKey).ToList() ?? [];

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
        return true;
    }
}
