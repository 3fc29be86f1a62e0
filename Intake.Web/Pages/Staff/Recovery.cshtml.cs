using Intake.Crypto.Age;
using Intake.Web.Accounts;
using Intake.Web.Keys;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Staff;

/// <summary>
/// Grant a proposed handler access with the offline recovery identity, when no member can: the identity is typed
/// or pasted, used for this one request and wiped. It is never stored.
/// </summary>
public sealed class RecoveryModel(ChannelDirectory directory, ChannelKeys keys, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public string? RecoveryKey { get; set; }

    [BindProperty]
    public string? Proposal { get; set; }

    public IReadOnlyList<(ChannelView Channel, MemberView Member)> Proposals { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        var chosen = Proposals.FirstOrDefault(p => $"{p.Channel.Channel.Id}:{p.Member.UserId}" == Proposal);
        if (chosen.Member is null)
        {
            ModelState.AddModelError(nameof(Proposal), text["Recovery.Error.Proposal"]);
            return Page();
        }

        IKeyIdentity recovery;
        try
        {
            recovery = AgeKeys.ParseIdentity((RecoveryKey ?? string.Empty).Trim().ToUpperInvariant());
        }
        catch (Exception ex) when (ex is AgeException or FormatException or ArgumentException)
        {
            ModelState.AddModelError(nameof(RecoveryKey), text["Recovery.Error.Format"]);
            return Page();
        }
        finally
        {
            RecoveryKey = null;
            ModelState.Remove(nameof(RecoveryKey));
        }

        using (recovery)
        {
            try
            {
                await keys.GrantWithRecoveryAsync(chosen.Channel.Channel.Id, chosen.Member.UserId, recovery, User.UserId()!.Value, HttpContext.RequestAborted);
                Message = text["Staff.Granted"];
            }
            catch (KeyOperationException ex)
            {
                ModelState.AddModelError(nameof(RecoveryKey), text["Key.Error." + ex.Error]);
            }
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var channels = await directory.AllAsync(HttpContext.RequestAborted);
        Proposals = channels.SelectMany(c => c.Members.Where(m => m.State == MembershipState.Proposed).Select(m => (c, m))).ToList();
    }
}
