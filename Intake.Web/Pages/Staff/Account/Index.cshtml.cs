using Intake.Crypto.Age;
using Intake.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Staff.Account;

/// <summary>
/// My account: my personal key's fingerprint (to compare by voice with the member who grants me a channel) and
/// the passphrase change (re-seals my identity).
/// </summary>
public sealed class IndexModel(AccountService accounts, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public string? CurrentPassphrase { get; set; }

    [BindProperty]
    public string? NewPassphrase { get; set; }

    [BindProperty]
    public string? RepeatPassphrase { get; set; }

    public string? Message { get; private set; }

    /// <summary>The fingerprint of my personal recipient, from the key unlocked in this session.</summary>
    public string? Fingerprint => HttpContext.Keyring() is { } keyring ? Keys.KeyFingerprint.Of(AgeKeys.Encode(keyring.Personal.PublicRecipient)) : null;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var keyring = HttpContext.Keyring();
        if (keyring is null)
        {
            return Challenge();
        }

        if (!string.Equals(NewPassphrase, RepeatPassphrase, StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(RepeatPassphrase), text["Account.Error.Repeat"]);
            return Page();
        }

        var change = await accounts.ChangePassphraseAsync(keyring, CurrentPassphrase ?? string.Empty, NewPassphrase ?? string.Empty, HttpContext.RequestAborted);
        if (!change.Succeeded)
        {
            var field = change.ErrorKey == "Account.Error.CurrentPassphrase" ? nameof(CurrentPassphrase) : nameof(NewPassphrase);
            ModelState.AddModelError(field, text[change.ErrorKey!]);
            return Page();
        }

        Message = text["Account.PassphraseChanged"];
        return Page();
    }
}
