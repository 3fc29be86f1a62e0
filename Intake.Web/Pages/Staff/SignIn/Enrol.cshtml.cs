using Intake.Web.Accounts;
using Intake.Web.Rendering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Staff.SignIn;

/// <summary>First sign-in: enrol TOTP (QR code and the secret in text), confirmed by a first code.</summary>
public sealed class EnrolModel(SignInService signIn, RepeatedPosts repeats, IStringLocalizer<SharedResource> text) : PageModel
{
    public const string Issuer = "Intake";

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The form's one-time token: a second post of the same code gets the first one's outcome.</summary>
    [BindProperty(Name = RepeatedPosts.FieldName)]
    public string? FormOnce { get; set; }

    public string? Error { get; private set; }

    public string Secret { get; private set; } = string.Empty;

    public string QrCode { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync() => await ShowAsync() ? Page() : RedirectToPage("Index");

    public async Task<IActionResult> OnPostAsync()
    {
        var pending = PendingCookie.Get(HttpContext);
        var result = await repeats.RunOnceAsync(FormOnce, [pending, Code], () => signIn.CheckCodeAsync(pending, Code, CancellationToken.None));
        if (result.Outcome == CodeStepOutcome.Failed)
        {
            await ShowAsync();
        }

        return await CodeResult.HandleAsync(this, result, ReturnUrl, text, error => Error = error);
    }

    private async Task<bool> ShowAsync()
    {
        var enrolment = await signIn.BeginEnrolmentAsync(PendingCookie.Get(HttpContext), HttpContext.RequestAborted);
        if (enrolment is not { } value)
        {
            return false;
        }

        Secret = TotpCodes.ToBase32(value.Secret);
        QrCode = QrSvg.Render(TotpCodes.ProvisioningUri(value.Secret, Issuer, value.Username), text["SignIn.Enrol.QrLabel"]);
        return true;
    }
}
