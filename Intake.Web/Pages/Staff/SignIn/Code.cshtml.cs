using Intake.Web.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Staff.SignIn;

/// <summary>Sign-in step 2: the TOTP code. Success unlocks the channel keys into the session.</summary>
public sealed class CodeModel(SignInService signIn, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public IActionResult OnGet() => PendingCookie.Get(HttpContext) is null ? RedirectToPage("Index") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await signIn.CheckCodeAsync(PendingCookie.Get(HttpContext), Code, HttpContext.RequestAborted);
        return await CodeResult.HandleAsync(this, result, ReturnUrl, text, error => Error = error);
    }
}

/// <summary>What both code pages (sign-in and first enrolment) do with the outcome.</summary>
internal static class CodeResult
{
    public static async Task<IActionResult> HandleAsync(
        PageModel page, CodeStep result, string? returnUrl, IStringLocalizer<SharedResource> text, Action<string> showError)
    {
        switch (result.Outcome)
        {
            case CodeStepOutcome.SignedIn:
                PendingCookie.Clear(page.HttpContext);
                page.HttpContext.RequestServices.GetRequiredService<SignInDevices>().Remember(page.HttpContext, result.User!.Id, result.DeviceId!);
                await page.HttpContext.SignInAsync(StaffAuthentication.Scheme, StaffAuthentication.PrincipalFor(result.User!, result.SessionId!));
                return page.Url.IsLocalUrl(returnUrl) ? page.LocalRedirect(returnUrl!) : page.RedirectToPage("/Staff/Index");
            case CodeStepOutcome.Expired:
                PendingCookie.Clear(page.HttpContext);
                page.TempData.Clear();
                return page.RedirectToPage("Index", new { expired = true });
            default:
                showError(text["SignIn.Error.Code"]);
                return page.Page();
        }
    }
}
