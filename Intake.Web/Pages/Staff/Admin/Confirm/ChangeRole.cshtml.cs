using Intake.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Staff.Admin.Confirm;

/// <summary>
/// Confirms a role change: a handler who becomes anything else leaves every channel (each rotates to a new key).
/// Refused while the person is the last member who can read a channel.
/// </summary>
public sealed class ChangeRoleModel(AccountService accounts, AccountReview review, IStringLocalizer<SharedResource> text) : PageModel
{
    public AccountFacts Facts { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public StaffRole? Role { get; set; }

    public bool Done { get; private set; }

    public string? Error { get; private set; }

    public bool IsSelf => Facts.User.Id == User.UserId();

    /// <summary>Leaving the handler role empties a channel: the change is refused, not merely warned about.</summary>
    public bool Refused => Facts.User.Role == StaffRole.Handler && Role is not null and not StaffRole.Handler && Facts.LeavesAChannelEmpty;

    public async Task<IActionResult> OnGetAsync(Guid userId) => await LoadAsync(userId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid userId)
    {
        if (!await LoadAsync(userId))
        {
            return NotFound();
        }

        if (Role is not { } role || !Enum.IsDefined(role) || role == Facts.User.Role)
        {
            Error = text["Admin.Confirm.Role.Choose"];
        }
        else if (IsSelf)
        {
            Error = text["Admin.Error.OwnRole"];
        }
        else
        {
            try
            {
                await accounts.SetRoleAsync(User.UserId()!.Value, userId, role, HttpContext.RequestAborted);
                Done = true;
                await LoadAsync(userId);
            }
            catch (AccountException ex)
            {
                Error = text[ex.MessageKey];
            }
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid userId)
    {
        Facts = (await review.ForAsync(userId, cancellationToken: HttpContext.RequestAborted))!;
        return Facts is not null;
    }
}
