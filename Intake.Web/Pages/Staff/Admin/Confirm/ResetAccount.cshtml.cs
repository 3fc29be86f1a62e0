using Intake.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Staff.Admin.Confirm;

/// <summary>
/// Confirms a reset: what the person loses (their channels until granted again; a warning where they are the
/// last member), then shows the new activation code once.
/// </summary>
public sealed class ResetAccountModel(AccountService accounts, AccountReview review, IStringLocalizer<SharedResource> text) : PageModel
{
    public AccountFacts Facts { get; private set; } = null!;

    public IssuedCode? Issued { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid userId) => await LoadAsync(userId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid userId, bool compromised)
    {
        if (!await LoadAsync(userId))
        {
            return NotFound();
        }

        try
        {
            var code = await accounts.ResetAsync(User.UserId()!.Value, userId, compromised, HttpContext.RequestAborted);
            await LoadAsync(userId);
            Issued = new IssuedCode(Facts.User.Username, code, Facts.User.ActivationExpiresAt!.Value);
        }
        catch (AccountException ex)
        {
            Error = text[ex.MessageKey];
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid userId)
    {
        Facts = (await review.ForAsync(userId, cancellationToken: HttpContext.RequestAborted))!;
        return Facts is not null;
    }
}
