using Intake.Web.Accounts;
using Intake.Web.Keys;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Intake.Web.Pages.Staff;

/// <summary>
/// A member grants a proposed handler access to a channel. The form shows who the key goes to: the personal-key
/// fingerprint to compare by voice with the one the person sees on their own account page, when the account was
/// activated and whether it was created or reset recently. Accounts not yet activated by their owner are refused.
/// </summary>
public sealed class GrantModel(
    ChannelKeys keys, AccountReview review, IOptions<KeyOptions> keyOptions, IStringLocalizer<SharedResource> text) : PageModel
{
    public AccountFacts Facts { get; private set; } = null!;

    public MembershipState State { get; private set; }

    public bool TwoApprovals => keyOptions.Value.GrantApprovals >= 2;

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid channelId, Guid userId) => await LoadAsync(channelId, userId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid channelId, Guid userId)
    {
        var keyring = HttpContext.Keyring();
        if (keyring is null || !keyring.HoldsChannel(channelId))
        {
            return Forbid();
        }

        if (!await LoadAsync(channelId, userId))
        {
            return NotFound();
        }

        try
        {
            var outcome = await keys.GrantAsync(channelId, userId, keyring, HttpContext.RequestAborted);
            Message = text[outcome == GrantOutcome.Approved ? "Grant.Approved" : "Staff.Granted"];
            await LoadAsync(channelId, userId);
        }
        catch (KeyOperationException ex)
        {
            Error = text["Key.Error." + ex.Error];
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid channelId, Guid userId)
    {
        var keyring = HttpContext.Keyring();
        if (keyring is null || !keyring.HoldsChannel(channelId))
        {
            return false;
        }

        var facts = await review.ForAsync(userId, channelId, HttpContext.RequestAborted);
        if (facts is null || facts.Channels.Count != 1)
        {
            return false;
        }

        Facts = facts;
        State = facts.Channels[0].HoldsKey ? MembershipState.Active : MembershipState.Proposed;
        return true;
    }
}
