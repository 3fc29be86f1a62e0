using Intake.Web.Accounts;
using Intake.Web.Cases;
using Intake.Web.Channels;
using Intake.Web.Keys;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Staff.Cases;

/// <summary>
/// Where the threats panel's e-service receipt form posts. Like <see cref="WriteModel"/>, it binds nothing, opts out of
/// the antiforgery filter and streams the file through <see cref="CaseUploads"/>, sealed to the channel alone as it
/// arrives; the case gate (404) and the channel kind's statutory reports come before a byte of the body is read.
/// Success goes back to the case page; a refused post shows the form again here with the choice kept (422).
/// </summary>
[IgnoreAntiforgeryToken]
[DisableRequestSizeLimit]
public sealed class ReceiptModel(
    CaseAccess access, CaseReader reader, CaseMessages messages, CaseStatutoryReceipts receipts, CaseUploads uploads, IStringLocalizer<SharedResource> text) : PageModel
{
    public Guid Id { get; private set; }

    public string CaseNumber { get; private set; } = string.Empty;

    public ReceiptForm Form { get; private set; } = null!;

    public IReadOnlyList<(string Anchor, string Message)> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() =>
        await FindAsync() is ({ } record, _) ? RedirectToPage("Details", null, new { id = record.Id }, "statutory") : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await FindAsync() is not ({ } record, { } keyring) || !(await reader.KindAsync(record.ChannelId, Aborted)).Has(CaseSections.StatutoryReports))
        {
            return NotFound();
        }

        var recipients = await messages.RecipientsAsync(record, toReporter: false, Aborted);
        using var upload = await uploads.ReadAsync(HttpContext, _ => record.DisposedOn is null ? recipients : null, record.Id, Aborted);
        var authority = upload.Fields.Get("Authority");
        var errors = new List<(string, string)>();
        string? authorityError = null;
        if (!CaseStatutoryReceipts.IsAuthority(authority))
        {
            authorityError = text["Staff.Cases.Receipt.ChooseAuthority"];
            errors.Add(("receipt-authority", authorityError));
        }

        List<string> fileErrors = record.DisposedOn is not null ? [text["Staff.Cases.Write.CasesContentHasBeenDisposed"].Value]
            : [.. UploadProblems.Describe(upload, uploads.Limits, text)];
        if (fileErrors.Count == 0 && upload.Files.Count == 0)
        {
            fileErrors.Add(text["Staff.Cases.Receipt.ChooseFile"]);
        }

        errors.AddRange(fileErrors.Select(m => ("receipt-attachments", m)));
        if (errors.Count > 0)
        {
            Id = record.Id;
            CaseNumber = record.CaseNumber;
            Errors = errors;
            Form = new ReceiptForm
            {
                Authority = CaseStatutoryReceipts.IsAuthority(authority) ? authority : null,
                AuthorityError = authorityError,
                Files = new WriteForm { CaseId = record.Id, FileErrors = fileErrors, ChooseAgain = CaseUploads.ToChooseAgain(upload) },
            };
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        await receipts.AttachAsync(record, keyring, authority, upload.Files, recipients, Aborted);
        return CaseDone.Redirect(record.Id, "receipt");
    }

    private CancellationToken Aborted => HttpContext.RequestAborted;

    private async Task<(CaseRecord Record, UnlockedKeyring Keyring)?> FindAsync()
    {
        // Read from the route only: a bound property would make the framework read (and buffer) the body.
        if (!Guid.TryParse(RouteData.Values["id"]?.ToString(), out var id))
        {
            return null;
        }

        var record = await access.FindAsync(HttpContext, id, Aborted);
        var keyring = HttpContext.Keyring();
        return record is null || keyring is null ? null : (record, keyring);
    }
}
