using Intake.Web.Accounts;
using Intake.Web.Accounts.Passkeys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Staff.SignIn;

/// <summary>Sign-in step 2: the TOTP code. Success unlocks the channel keys into the session.</summary>
public sealed class CodeModel(SignInService signIn, PasskeySignIn passkeys, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    /// <summary>True when the person has a passkey to use instead of the code (the page's script offers it).</summary>
    public bool OffersPasskey { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (PendingCookie.Get(HttpContext) is not { } pendingId)
        {
            return RedirectToPage("Index");
        }

        OffersPasskey = await passkeys.OffersSecondFactorAsync(pendingId, HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>The options of an assertion by one of the person's passkeys, instead of the code.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() =>
        await passkeys.BeginSecondFactorAsync(PendingCookie.Get(HttpContext), HttpContext.RequestAborted) is { } begin
            ? PasskeyAnswers.Options(begin, text)
            : PasskeyAnswers.Error(text["Passkeys.Error.Expired"]);

    public async Task<IActionResult> OnPostPasskeyAsync(string? ceremony, string? credential)
    {
        var result = await passkeys.FinishSecondFactorAsync(PendingCookie.Get(HttpContext), ceremony, credential, HttpContext.RequestAborted);
        return result.Outcome switch
        {
            CodeStepOutcome.SignedIn => await PasskeyAnswers.SignedInAsync(this, result, ReturnUrl),
            CodeStepOutcome.Expired => new JsonResult(new { redirect = Url.Page("Index", new { expired = true }) }),
            _ => PasskeyAnswers.Error(text["Passkeys.SignIn.Failed"]),
        };
    }

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
                await SignInAsync(page, result);
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

    /// <summary>After a complete sign-in: the pending cookie goes, the device cookie is renewed, the session cookie set.</summary>
    public static async Task SignInAsync(PageModel page, CodeStep result)
    {
        PendingCookie.Clear(page.HttpContext);
        page.HttpContext.RequestServices.GetRequiredService<SignInDevices>().Remember(page.HttpContext, result.User!.Id, result.DeviceId!);
        await page.HttpContext.SignInAsync(StaffAuthentication.Scheme, StaffAuthentication.PrincipalFor(result.User!, result.SessionId!));
    }
}
