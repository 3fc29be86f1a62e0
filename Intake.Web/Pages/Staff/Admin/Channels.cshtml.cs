using Intake.Web.Accounts;
using Intake.Web.Audit;
using Intake.Web.Keys;
using Intake.Web.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Staff.Admin;

/// <summary>Channels: texts in every language, propose a handler, remove a member (revokes and rotates the key).</summary>
public sealed class ChannelsModel(
    ChannelDirectory directory, ChannelKeys keys, SiteTextEditor texts, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<ChannelView> Channels { get; private set; } = [];

    public IReadOnlyList<StaffUser> Handlers { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>Saves a channel's names and introductions per language; an empty one shows the built-in wording.</summary>
    public async Task<IActionResult> OnPostTextsAsync(Guid channelId, Dictionary<string, string?> name, Dictionary<string, string?> intro)
    {
        await LoadAsync();
        var channel = Channels.FirstOrDefault(c => c.Channel.Id == channelId)?.Channel;
        if (channel is null)
        {
            return NotFound();
        }

        var fields = new Dictionary<string, IReadOnlyDictionary<string, string?>>(StringComparer.Ordinal)
        {
            [SiteTextFields.Name] = name ?? [],
            [SiteTextFields.Intro] = intro ?? [],
        };
        await texts.SaveAsync(SiteTextOwners.Channel(channel.Code), fields, User.UserId(), channelId, AuditKinds.ChannelTextsChanged, HttpContext.RequestAborted);
        Message = text["Admin.Saved"];
        return Page();
    }

    public async Task<IActionResult> OnPostProposeAsync(Guid channelId, Guid userId)
    {
        await RunAsync(() => keys.ProposeAsync(channelId, userId, User.UserId()!.Value, HttpContext.RequestAborted), "Admin.Proposed");
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid channelId, Guid userId)
    {
        await RunAsync(() => keys.RevokeAsync(channelId, userId, User.UserId()!.Value, HttpContext.RequestAborted), "Admin.Removed");
        return Page();
    }

    private async Task RunAsync(Func<Task> operation, string doneKey)
    {
        try
        {
            await operation();
            Message = text[doneKey];
        }
        catch (KeyOperationException ex)
        {
            Message = text["Key.Error." + ex.Error];
        }

        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        Channels = await directory.AllAsync(HttpContext.RequestAborted);
        Handlers = (await directory.UsersAsync(HttpContext.RequestAborted)).Where(u => u.Role == StaffRole.Handler).ToList();
    }
}
