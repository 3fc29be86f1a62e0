using System.Globalization;
using Intake.Web.Accounts;
using Intake.Web.Accounts.Passkeys;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Staff.SignIn;

/// <summary>Sign-in step 1: username and passphrase.</summary>
public sealed class IndexModel(
    SignInService signIn, SignInDevices devices, PasskeySignIn passkeys, RepeatedPosts repeats, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public string? Username { get; set; }

    [BindProperty]
    public string? Passphrase { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The form's stamp and the proof of work its script found, when the service asked for one.</summary>
    [BindProperty(Name = "formStamp")]
    public string? FormStamp { get; set; }

    [BindProperty(Name = "proofNonce")]
    public string? ProofNonce { get; set; }

    /// <summary>The form's one-time token: a second post of the same form gets the first one's outcome.</summary>
    [BindProperty(Name = RepeatedPosts.FieldName)]
    public string? FormOnce { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    /// <summary>The options of a sign-in with a passkey alone (the page's script asks for them).</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() => PasskeyAnswers.Options(await passkeys.BeginAsync(HttpContext.RequestAborted), text);

    /// <summary>The passkey's answer and its PRF outputs: signs in, or says why not.</summary>
    public async Task<IActionResult> OnPostPasskeyAsync(string? ceremony, string? credential, string? prfFirst, string? prfSecond)
    {
        var step = await passkeys.FinishAsync(ceremony, credential, prfFirst, prfSecond, devices.Recognise(HttpContext), HttpContext.RequestAborted);
        return step.Outcome switch
        {
            PasskeyStepOutcome.SignedIn => await PasskeyAnswers.SignedInAsync(this, step.SignedIn!, ReturnUrl),
            PasskeyStepOutcome.SecondFactorOnly => PasskeyAnswers.Error(text["Passkeys.SignIn.SecondFactorOnly"]),
            PasskeyStepOutcome.NoPrf => PasskeyAnswers.Error(text["Passkeys.SignIn.NoPrf"]),
            PasskeyStepOutcome.Expired => PasskeyAnswers.Error(text["Passkeys.Error.Expired"]),
            _ => PasskeyAnswers.Error(text["Passkeys.SignIn.Failed"]),
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var device = devices.Recognise(HttpContext);
        var step = await repeats.RunOnceAsync(FormOnce, [Username, Passphrase, FormStamp, ProofNonce, Request.Cookies[SignInDevices.CookieName]],
            () => signIn.CheckPassphraseAsync(Username, Passphrase, device, new SignInProof(FormStamp, ProofNonce), CancellationToken.None));
        Passphrase = null;
        switch (step.Outcome)
        {
            case PassphraseStepOutcome.CodeRequired:
                PendingCookie.Set(HttpContext, step.PendingId!);
                return RedirectToPage("Code", new { ReturnUrl });
            case PassphraseStepOutcome.EnrolmentRequired:
                PendingCookie.Set(HttpContext, step.PendingId!);
                return RedirectToPage("Enrol", new { ReturnUrl });
            case PassphraseStepOutcome.Throttled:
                Error = string.Format(CultureInfo.CurrentCulture, text["SignIn.Error.Throttled"], Math.Ceiling(step.RetryAfter.TotalSeconds));
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                return Page();
            case PassphraseStepOutcome.Missing:
                Error = text["SignIn.Error.Missing"];
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            case PassphraseStepOutcome.ProofNeeded:
                Error = text["SignIn.Error.ProofNeeded"];
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                return Page();
            case PassphraseStepOutcome.Busy:
                Error = text["SignIn.Error.Busy"];
                Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return Page();
            default:
                Error = text["SignIn.Error.Credentials"];
                return Page();
        }
    }
}
