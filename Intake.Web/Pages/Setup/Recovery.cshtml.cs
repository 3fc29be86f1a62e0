using Intake.Web.Organisation;
using Intake.Web.Rendering;
using Intake.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Setup;

/// <summary>
/// Step 2 of set-up: the recovery identity, shown once with a QR code, confirmed by typing back its last eight
/// characters. Only then is the organisation created; the identity is never stored.
/// </summary>
public sealed class RecoveryModel(SetupService setup, SetupCode code, PendingSetup pending, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public string? Confirmation { get; set; }

    public string SecretKey { get; private set; } = string.Empty;

    public string PublicKey { get; private set; } = string.Empty;

    public string QrCode { get; private set; } = string.Empty;

    public IReadOnlyDictionary<string, string> GeneratedPassphrases { get; private set; } = new Dictionary<string, string>();

    public IActionResult OnGet() => Show() ? Page() : RedirectToPage("Index");

    public async Task<IActionResult> OnPostAsync()
    {
        var entry = pending.Find(Request.Cookies[IndexModel.PendingCookie]);
        if (entry is null)
        {
            return RedirectToPage("Index");
        }

        if (!entry.ConfirmationMatches(Confirmation))
        {
            ModelState.AddModelError(nameof(Confirmation), text["Setup.Error.Confirmation"]);
            Show();
            return Page();
        }

        try
        {
            await setup.ExecuteAsync(entry.Plan, entry.Recovery, HttpContext.RequestAborted);
        }
        catch (SetupAlreadyDoneException)
        {
            // Someone completed set-up in the meantime: nothing was changed by this request.
        }

        pending.Clear();
        code.Retire();
        StrictCookie.Delete(HttpContext, IndexModel.PendingCookie);
        return RedirectToPage("Done");
    }

    private bool Show()
    {
        var entry = pending.Find(Request.Cookies[IndexModel.PendingCookie]);
        if (entry is null)
        {
            return false;
        }

        SecretKey = entry.Recovery.ExportSecretKey();
        PublicKey = entry.Recovery.Recipient.ToString();
        QrCode = QrSvg.Render(SecretKey, text["Setup.Recovery.QrLabel"]);
        GeneratedPassphrases = entry.GeneratedPassphrases;
        return true;
    }
}
