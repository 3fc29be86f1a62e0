using Intake.Web.Accounts;
using Intake.Web.Keys;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Staff.Admin;

/// <summary>Accounts: create, reset a forgotten passphrase, change role. Generated passphrases are shown once.</summary>
public sealed class UsersModel(AccountService accounts, ChannelDirectory directory, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public string? NewUsername { get; set; }

    [BindProperty]
    public string? NewDisplayName { get; set; }

    [BindProperty]
    public StaffRole NewRole { get; set; } = StaffRole.Handler;

    public IReadOnlyList<StaffUser> Users { get; private set; } = [];

    /// <summary>A passphrase just generated, with whom it belongs to: shown in this response only.</summary>
    public (string Username, string Passphrase)? Issued { get; private set; }

    public string? Message { get; private set; }

    public async Task OnGetAsync() => Users = await directory.UsersAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostCreateAsync()
    {
        try
        {
            var (user, passphrase) = await accounts.CreateAsync(Me, NewUsername ?? string.Empty, NewDisplayName ?? string.Empty, NewRole, HttpContext.RequestAborted);
            Issued = (user.Username, passphrase);
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

    public async Task<IActionResult> OnPostResetAsync(Guid userId, bool compromised)
    {
        var passphrase = await accounts.ResetAsync(Me, userId, compromised, HttpContext.RequestAborted);
        Users = await directory.UsersAsync(HttpContext.RequestAborted);
        Issued = (Users.Single(u => u.Id == userId).Username, passphrase);
        Message = text["Admin.ResetDone"];
        return Page();
    }

    public async Task<IActionResult> OnPostRoleAsync(Guid userId, StaffRole role)
    {
        if (userId == Me)
        {
            Message = text["Admin.Error.OwnRole"];
        }
        else
        {
            await accounts.SetRoleAsync(Me, userId, role, HttpContext.RequestAborted);
            Message = text["Admin.RoleChanged"];
        }

        Users = await directory.UsersAsync(HttpContext.RequestAborted);
        return Page();
    }

    private Guid Me => User.UserId() ?? throw new InvalidOperationException("Signed-in user without id");
}
