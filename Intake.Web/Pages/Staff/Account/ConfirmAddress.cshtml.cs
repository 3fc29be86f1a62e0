using Intake.Web.Accounts;
using Intake.Web.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Intake.Web.Pages.Staff.Account;

/// <summary>
/// The page a confirmation link opens (after sign-in). Opening it changes nothing: a button confirms, so that a
/// mail scanner following the link cannot confirm on the person's behalf.
/// </summary>
public sealed class ConfirmAddressModel(NotificationSettings settings) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public bool Failed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await settings.ConfirmAddressAsync(User.UserId()!.Value, Token, HttpContext.RequestAborted))
        {
            return RedirectToPage("/Staff/Account/Notifications", new { done = "confirmed" });
        }

        Failed = true;
        return Page();
    }
}
