using Intake.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Staff.Admin.Confirm;

/// <summary>
/// Confirms deactivating the account of someone who left: kept for the audit trail, out of every channel (each
/// rotating to a new key), sessions ended. Refused while the person is the last member who can read a channel.
/// </summary>
public sealed class DeactivateModel(AccountService accounts, AccountReview review, IStringLocalizer<SharedResource> text) : PageModel
{
    public AccountFacts Facts { get; private set; } = null!;

    public bool Done { get; private set; }

    public string? Error { get; private set; }

    public bool IsSelf => Facts.User.Id == User.UserId();

    public async Task<IActionResult> OnGetAsync(Guid userId) => await LoadAsync(userId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid userId)
    {
        if (!await LoadAsync(userId))
        {
            return NotFound();
        }

        try
        {
            await accounts.DeactivateAsync(User.UserId()!.Value, userId, HttpContext.RequestAborted);
            Done = true;
            await LoadAsync(userId);
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
