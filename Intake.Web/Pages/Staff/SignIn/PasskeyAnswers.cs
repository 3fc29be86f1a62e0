using Intake.Web.Accounts;
using Intake.Web.Accounts.Passkeys;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Staff.SignIn;

/// <summary>The JSON the passkey script reads: the options to pass to the browser, where to go, or what went wrong.</summary>
internal static class PasskeyAnswers
{
    public static JsonResult Options(PasskeyBegin begin, IStringLocalizer<SharedResource> text) =>
        begin.ErrorKey is { } key
            ? Error(text[key])
            : new JsonResult(new { ceremony = begin.Ceremony, creation = begin.CreationJson, assertion = begin.AssertionJson, prf = begin.Prf });

    public static JsonResult Error(string message) => new(new { error = message });

    /// <summary>Signs the browser in as the code pages do (session cookie and device cookie) and answers where to go.</summary>
    public static async Task<JsonResult> SignedInAsync(PageModel page, CodeStep result, string? returnUrl)
    {
        await CodeResult.SignInAsync(page, result);
        var target = page.Url.IsLocalUrl(returnUrl) ? returnUrl! : page.Url.Page("/Staff/Index")!;
        return new JsonResult(new { redirect = target });
    }
}
