using Intake.Web.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Intake.Web.Pages.Staff;

/// <summary>Sign-out: the session's unlocked keys are wiped and the cookie removed.</summary>
public sealed class SignOutModel(SignInService signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Staff/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync(User.SessionId(), User.UserId(), HttpContext.RequestAborted);
        await HttpContext.SignOutAsync(StaffAuthentication.Scheme);
        return RedirectToPage("/Staff/SignIn/Index", new { signedOut = true });
    }
}
