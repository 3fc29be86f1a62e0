using Intake.Web.Accounts;
using Intake.Web.Keys;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Intake.Web.Pages.Staff;

/// <summary>
/// The channel keys a handler holds, of which kind each is, and the action that rotates a channel from an X25519
/// key to a hybrid post-quantum one (<see cref="PostQuantumUpgrade"/>).
/// </summary>
public sealed class KeysModel(PostQuantumUpgrade upgrade) : PageModel
{
    public IReadOnlyList<ChannelKeyState> Channels { get; private set; } = [];

    [TempData]
    public Guid? Rotated { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (HttpContext.Keyring() is not { } keyring)
        {
            return Forbid();
        }

        Channels = await upgrade.StatesAsync(keyring, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostRotateAsync(Guid channelId)
    {
        if (HttpContext.Keyring() is not { } keyring || !keyring.HoldsChannel(channelId))
        {
            return Forbid();
        }

        await upgrade.RotateChannelAsync(channelId, keyring, HttpContext.RequestAborted);
        Rotated = channelId;
        return RedirectToPage(null, null, null, "channel-" + channelId);
    }
}
