using Intake.Web.Accounts;
using Intake.Web.Keys;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Staff.Admin.Confirm;

/// <summary>
/// Confirms removing a member from one channel: the channel rotates to a new key and the person's sessions end.
/// Refused for the channel's last member who can read it.
/// </summary>
public sealed class RemoveMemberModel(ChannelKeys keys, AccountReview review, IStringLocalizer<SharedResource> text) : PageModel
{
    public AccountFacts Facts { get; private set; } = null!;

    public ChannelImpact? Channel => Facts.Channels.Count > 0 ? Facts.Channels[0] : null;

    public bool Done { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid channelId, Guid userId) => await LoadAsync(channelId, userId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid channelId, Guid userId)
    {
        if (!await LoadAsync(channelId, userId))
        {
            return NotFound();
        }

        try
        {
            await keys.RevokeAsync(channelId, userId, User.UserId()!.Value, HttpContext.RequestAborted);
            Done = true;
        }
        catch (KeyOperationException ex)
        {
            Error = text["Key.Error." + ex.Error];
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid channelId, Guid userId)
    {
        Facts = (await review.ForAsync(userId, channelId, HttpContext.RequestAborted))!;
        return Facts is not null && Facts.Channels.Count == 1;
    }
}
