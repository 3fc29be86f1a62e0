using Intake.Web.Accounts;
using Intake.Web.Accounts.Passkeys;
using Intake.Web.Pages.Staff.SignIn;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Staff.Account;

/// <summary>My passkeys: register one (the page's script), see each with its name and last use, remove one.</summary>
public sealed class PasskeysModel(PasskeyRegistration passkeys, PasskeyRelyingParty party, IStringLocalizer<SharedResource> text) : PageModel
{
    private static readonly string[] _doneKeys = ["added", "added-second-factor", "removed"];

    public IReadOnlyList<StaffPasskey> Passkeys { get; private set; } = [];

    public bool Available => party.IsAvailable;

    public string? Message { get; private set; }

    public async Task OnGetAsync(string? done)
    {
        Passkeys = await passkeys.ListAsync(User.UserId()!.Value, HttpContext.RequestAborted);
        Message = _doneKeys.Contains(done) ? text["Passkeys.Done." + done].Value : null;
    }

    /// <summary>The options of a new passkey named <paramref name="name"/>.</summary>
    public async Task<IActionResult> OnPostOptionsAsync(string? name) =>
        HttpContext.Keyring() is { } keyring
            ? PasskeyAnswers.Options(await passkeys.BeginAsync(keyring, name, HttpContext.RequestAborted), text)
            : PasskeyAnswers.Error(text["Passkeys.Error.Expired"]);

    /// <summary>The new passkey's attestation, and with PRF its assertion and outputs: stores it.</summary>
    public async Task<IActionResult> OnPostRegisterAsync(string? ceremony, string? credential, string? assertion, string? prfFirst, string? prfSecond)
    {
        if (HttpContext.Keyring() is not { } keyring)
        {
            return PasskeyAnswers.Error(text["Passkeys.Error.Expired"]);
        }

        var result = await passkeys.FinishAsync(keyring, ceremony, credential, assertion, prfFirst, prfSecond, HttpContext.RequestAborted);
        return result.ErrorKey is { } key
            ? PasskeyAnswers.Error(text[key])
            : new JsonResult(new { redirect = Url.Page("Passkeys", new { done = result.UnlocksKey ? "added" : "added-second-factor" }) });
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id)
    {
        await passkeys.RemoveAsync(User.UserId()!.Value, id, HttpContext.RequestAborted);
        return RedirectToPage("Passkeys", new { done = "removed" });
    }
}
