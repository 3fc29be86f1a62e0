using Intake.Web.Accounts;
using Intake.Web.Rendering;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Staff.Account;

/// <summary>
/// Re-enrol TOTP: a new secret is shown, and replaces the old one once a code from it is confirmed. The
/// current passphrase is asked again, so an unattended session cannot move the second factor. Between the
/// two requests the new secret travels in a hidden field encrypted by Data Protection for this user only.
/// </summary>
public sealed class TotpModel(AccountService accounts, IDataProtectionProvider protection, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Passphrase { get; set; }

    [BindProperty]
    public string? Pending { get; set; }

    public string Secret { get; private set; } = string.Empty;

    public string QrCode { get; private set; } = string.Empty;

    public string? Message { get; private set; }

    public void OnGet() => Show(TotpCodes.NewSecret());

    public async Task<IActionResult> OnPostAsync()
    {
        var keyring = HttpContext.Keyring();
        if (keyring is null)
        {
            return Challenge();
        }

        byte[] secret;
        try
        {
            secret = Protector().Unprotect(Convert.FromBase64String(Pending ?? string.Empty));
        }
        catch (Exception ex) when (ex is FormatException or System.Security.Cryptography.CryptographicException)
        {
            Show(TotpCodes.NewSecret());
            ModelState.AddModelError(nameof(Code), text["SignIn.Error.Code"]);
            return Page();
        }

        var change = await accounts.ReenrolTotpAsync(keyring, Passphrase, secret, Code, HttpContext.RequestAborted);
        Passphrase = null;
        ModelState.Remove(nameof(Passphrase));
        if (!change.Succeeded)
        {
            Show(secret);
            ModelState.AddModelError(change.ErrorKey == "SignIn.Error.Code" ? nameof(Code) : nameof(Passphrase), text[change.ErrorKey!]);
            return Page();
        }

        Message = text["Account.TotpChanged"];
        return Page();
    }

    private IDataProtector Protector() =>
        protection.CreateProtector("Intake.Totp.Reenrol", User.UserId()?.ToString() ?? string.Empty);

    private void Show(byte[] secret)
    {
        Secret = TotpCodes.ToBase32(secret);
        QrCode = QrSvg.Render(TotpCodes.ProvisioningUri(secret, "Intake", User.Identity?.Name ?? "staff"), text["SignIn.Enrol.QrLabel"]);
        Pending = Convert.ToBase64String(Protector().Protect(secret));
        ModelState.Remove(nameof(Pending));
    }
}
