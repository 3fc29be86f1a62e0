using System.Globalization;
using Intake.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Staff.SignIn;

/// <summary>
/// Activation by the account's owner: the one-time code from the administrator and a passphrase of their own;
/// TOTP enrolment follows on the next page (<see cref="AccountActivation"/>).
/// </summary>
public sealed class ActivateModel(AccountActivation activation, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public string? Username { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Passphrase { get; set; }

    [BindProperty]
    public string? RepeatPassphrase { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await activation.ActivateAsync(Username, Code, Passphrase, RepeatPassphrase, HttpContext.RequestAborted);
        (Passphrase, RepeatPassphrase) = (null, null);
        ModelState.Remove(nameof(Passphrase));
        ModelState.Remove(nameof(RepeatPassphrase));
        if (result.Succeeded)
        {
            PendingCookie.Set(HttpContext, result.PendingSignInId!);
            return RedirectToPage("Enrol");
        }

        var message = result.ErrorKey == "SignIn.Error.Throttled"
            ? string.Format(CultureInfo.CurrentCulture, text[result.ErrorKey], Math.Ceiling(result.RetryAfter.TotalSeconds))
            : text[result.ErrorKey!].Value;
        var field = result.Field switch
        {
            ActivationField.Passphrase => nameof(Passphrase),
            ActivationField.Repeat => nameof(RepeatPassphrase),
            _ => nameof(Code),
        };
        ModelState.AddModelError(field, message);
        return Page();
    }
}
