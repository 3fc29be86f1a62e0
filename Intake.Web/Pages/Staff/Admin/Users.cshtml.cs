using Intake.Web.Accounts;
using Intake.Web.Keys;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Staff.Admin;

/// <summary>
/// Accounts: create one (its activation code is shown once, for the owner to set their own passphrase), and the
/// links to reset, change role and deactivate, each confirmed on a page of its own that states the consequence.
/// </summary>
public sealed class UsersModel(AccountService accounts, ChannelDirectory directory, RepeatedPosts repeats, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public string? NewUsername { get; set; }

    [BindProperty]
    public string? NewDisplayName { get; set; }

    [BindProperty]
    public StaffRole NewRole { get; set; } = StaffRole.Handler;

    /// <summary>
    /// The form's one-time token: a second post of the same form (a double click) shows the account the first
    /// created and its activation code, instead of refusing the username as taken.
    /// </summary>
    [BindProperty(Name = RepeatedPosts.FieldName)]
    public string? FormOnce { get; set; }

    public IReadOnlyList<StaffUser> Users { get; private set; } = [];

    /// <summary>An activation code just issued, with whom it belongs to: shown in this response only.</summary>
    public IssuedCode? Issued { get; private set; }

    public async Task OnGetAsync() => Users = await directory.UsersAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostCreateAsync()
    {
        try
        {
            var me = Me;
            var (user, code) = await repeats.RunOnceAsync(FormOnce, [me.ToString(), NewUsername, NewDisplayName, NewRole.ToString()],
                () => accounts.CreateAsync(me, NewUsername ?? string.Empty, NewDisplayName ?? string.Empty, NewRole, CancellationToken.None));
            Issued = new IssuedCode(user.Username, code, user.ActivationExpiresAt!.Value);
            NewUsername = NewDisplayName = null;
            ModelState.Clear();
        }
        catch (AccountException ex)
        {
            ModelState.AddModelError(nameof(NewUsername), text[ex.MessageKey]);
        }

        Users = await directory.UsersAsync(HttpContext.RequestAborted);
        return Page();
    }

    private Guid Me => User.UserId() ?? throw new InvalidOperationException("Signed-in user without id");
}

/// <summary>A one-time activation code as shown to the administrator, once.</summary>
public sealed record IssuedCode(string Username, string Code, DateTimeOffset ExpiresAt);
