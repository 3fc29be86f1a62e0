using System.Globalization;
using Intake.Web.Accounts;
using Intake.Web.Audit;
using Intake.Web.Cases;
using Intake.Web.Cases.Pdf;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace Intake.Web.Pages.Staff.Cases;

/// <summary>
/// The export bundle of a case: GET shows what it holds, POST streams the ZIP of sealed files (audited
/// <c>case.exported</c>). A second POST gives the handler the channel identity they hold, sealed with a
/// passphrase they type, to open the bundle offline (audited <c>channel.identity-exported</c>). A third POST
/// streams the decrypted case as a PDF made in memory (see <see cref="CasePdfExport"/>).
/// </summary>
public sealed class ExportModel(CaseAccess access, CaseExport export, ChannelIdentityExport identityExport, CasePdfExport pdf, AuditLog audit,
    IStringLocalizer<SharedResource> text) : PageModel
{
    public ExportPlan Plan { get; private set; } = null!;

    [BindProperty]
    public string? Passphrase { get; set; }

    public string? PassphraseError { get; private set; }

    public string? PdfError { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var found = await FindAsync(id);
        if (found is null)
        {
            return NotFound();
        }

        Plan = await export.PlanAsync(found.Value.Record, found.Value.Keyring, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostBundleAsync(Guid id)
    {
        var found = await FindAsync(id);
        if (found is null)
        {
            return NotFound();
        }

        var (record, keyring) = found.Value;
        var plan = await export.PlanAsync(record, keyring, HttpContext.RequestAborted);
        var detail = string.Create(CultureInfo.InvariantCulture, $"files={plan.Files.Count()}");
        await audit.AppendAsync(AuditKinds.CaseExported, keyring.UserId, record.Id, record.ChannelId, detail, HttpContext.RequestAborted);

        Response.ContentType = "application/zip";
        Response.Headers.CacheControl = "no-store";
        Response.Headers.ContentDisposition = Attachment(plan.BundleName);
        await CaseExport.WriteZipAsync(plan, Response.Body, HttpContext.RequestAborted);
        return new EmptyResult();
    }

    public async Task<IActionResult> OnPostIdentityAsync(Guid id)
    {
        var found = await FindAsync(id);
        if (found is null)
        {
            return NotFound();
        }

        var (record, keyring) = found.Value;
        var result = await identityExport.SealAsync(record, keyring, Passphrase, HttpContext.RequestAborted);
        Passphrase = null;
        if (result.SealedFile is null)
        {
            PassphraseError = result.Busy ? text["SignIn.Error.Busy"] : text["Passphrase.Error." + result.Problem];
            Plan = await export.PlanAsync(record, keyring, HttpContext.RequestAborted);
            return Page();
        }

        Plan = await export.PlanAsync(record, keyring, HttpContext.RequestAborted);
        Response.Headers.CacheControl = "no-store";
        Response.Headers.ContentDisposition = Attachment(Plan.ChannelCode + "-identity.age");
        return File(result.SealedFile, "application/octet-stream");
    }

    public async Task<IActionResult> OnPostPdfAsync(Guid id, [FromForm(Name = "identity")] bool identity)
    {
        var found = await FindAsync(id);
        if (found is null)
        {
            return NotFound();
        }

        var (record, keyring) = found.Value;
        var document = await pdf.RenderAsync(record, keyring, identity, HttpContext.RequestAborted);
        if (document is null)
        {
            PdfError = text["Staff.Cases.Pdf.NoFont"];
            Plan = await export.PlanAsync(record, keyring, HttpContext.RequestAborted);
            return Page();
        }

        await using (document)
        {
            Response.ContentType = "application/pdf";
            Response.ContentLength = document.Length;
            Response.Headers.CacheControl = "no-store";
            Response.Headers.ContentDisposition = Attachment(CasePdfExport.FileName(record));
            try
            {
                await document.CopyToAsync(Response.Body, HttpContext.RequestAborted);
            }
            finally
            {
                System.Security.Cryptography.CryptographicOperations.ZeroMemory(document.GetBuffer());
            }
        }

        return new EmptyResult();
    }

    private async Task<(CaseRecord Record, Keys.UnlockedKeyring Keyring)?> FindAsync(Guid id)
    {
        var record = await access.FindAsync(HttpContext, id, HttpContext.RequestAborted);
        var keyring = HttpContext.Keyring();
        return record is null || keyring is null ? null : (record, keyring);
    }

    private static string Attachment(string fileName) =>
        new ContentDispositionHeaderValue("attachment") { FileName = fileName }.ToString();
}
