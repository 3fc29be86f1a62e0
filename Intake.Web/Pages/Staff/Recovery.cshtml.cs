using Intake.Crypto.Age;
using Intake.Web.Accounts;
using Intake.Web.Keys;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Staff;

/// <summary>
/// Grant a proposed handler access with the offline recovery identity, when no member can: the identity is typed
/// or pasted, used for this one request and wiped. It is never stored. An X25519 recovery identity is replaced here
/// by a hybrid post-quantum one (<see cref="PostQuantumUpgrade.ReplaceRecoveryAsync"/>), shown once in the answer.
/// </summary>
public sealed class RecoveryModel(
    ChannelDirectory directory, ChannelKeys keys, PostQuantumUpgrade upgrade, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public string? CurrentRecoveryKey { get; set; }

    public bool RecoveryIsPostQuantum { get; private set; }

    /// <summary>The replacement recovery identity, in the one answer that shows it.</summary>
    public string? NewRecoveryKey { get; private set; }

    public string? NewRecoveryQr { get; private set; }

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

    public async Task<IActionResult> OnPostReplaceAsync()
    {
        // The key typed is used for this one request and never shown again, not even in the form after an error.
        IKeyIdentity? current = null;
        try
        {
            current = AgeKeys.ParseIdentity((CurrentRecoveryKey ?? string.Empty).Trim().ToUpperInvariant());
        }
        catch (Exception ex) when (ex is AgeException or FormatException or ArgumentException)
        {
            current = null;
        }
        finally
        {
            CurrentRecoveryKey = null;
            ModelState.Remove(nameof(CurrentRecoveryKey));
        }

        if (current is null)
        {
            ModelState.AddModelError(nameof(CurrentRecoveryKey), text["Recovery.Error.Format"]);
            await LoadAsync();
            return Page();
        }

        using (current)
        {
            try
            {
                using var replacement = await upgrade.ReplaceRecoveryAsync(current, User.UserId()!.Value, HttpContext.RequestAborted);
                NewRecoveryKey = replacement.ExportSecretKey();
                NewRecoveryQr = Rendering.QrSvg.Render(NewRecoveryKey, text["Setup.Recovery.QrLabel"]);
                Response.Headers.CacheControl = "no-store";
            }
            catch (KeyOperationException ex)
            {
                ModelState.AddModelError(nameof(CurrentRecoveryKey), text["Key.Error." + ex.Error]);
            }
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        RecoveryIsPostQuantum = await upgrade.RecoveryIsPostQuantumAsync(HttpContext.RequestAborted);
        var channels = await directory.AllAsync(HttpContext.RequestAborted);
        Proposals = channels.SelectMany(c => c.Members.Where(m => m.State == MembershipState.Proposed).Select(m => (c, m))).ToList();
    }
}
