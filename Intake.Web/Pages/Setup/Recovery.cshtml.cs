using Intake.Crypto.Age;
using Intake.Web.Organisation;
using Intake.Web.Rendering;
using Intake.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Setup;

/// <summary>
/// Step 2 of set-up: the recovery identity, shown once with a QR code on a sheet of its own, confirmed by typing
/// back its last eight characters. Only then is the organisation created; the identity is never stored. The
/// response to that confirmation is the second sheet: each account's one-time activation code, never printed
/// together with the key.
/// </summary>
public sealed class RecoveryModel(SetupService setup, SetupCode code, PendingSetup pending, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public string? Confirmation { get; set; }

    public string SecretKey { get; private set; } = string.Empty;

    public string PublicKey { get; private set; } = string.Empty;

    public string QrCode { get; private set; } = string.Empty;

    /// <summary>Set once the organisation is created: the codes to hand over, shown in this response only.</summary>
    public IReadOnlyDictionary<string, string>? ActivationCodes { get; private set; }

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

        SetupOutcome outcome;
        try
        {
            outcome = await setup.ExecuteAsync(entry.Plan, entry.Recovery, HttpContext.RequestAborted);
        }
        catch (SetupAlreadyDoneException)
        {
            // Someone completed set-up in the meantime: nothing was changed by this request.
            pending.Clear();
            StrictCookie.Delete(HttpContext, IndexModel.PendingCookie);
            return RedirectToPage("Done");
        }

        pending.Clear();
        code.Retire();
        StrictCookie.Delete(HttpContext, IndexModel.PendingCookie);
        ActivationCodes = outcome.ActivationCodes;
        return Page();
    }

    private bool Show()
    {
        var entry = pending.Find(Request.Cookies[IndexModel.PendingCookie]);
        if (entry is null)
        {
            return false;
        }

        SecretKey = entry.Recovery.ExportSecretKey();
        PublicKey = AgeKeys.Encode(entry.Recovery.PublicRecipient);
        QrCode = QrSvg.Render(SecretKey, text["Setup.Recovery.QrLabel"]);
        return true;
    }
}
