using Intake.Web.Accounts;
using Intake.Web.Audit;
using Intake.Web.Keys;
using Intake.Web.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Staff.Admin;

/// <summary>
/// Channels: texts in every language, propose a handler (nobody preselected), and the link to remove a member,
/// confirmed on its own page (<see cref="Confirm.RemoveMemberModel"/>).
/// </summary>
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

    /// <summary>Proposes the handler chosen in the list; nobody is chosen in advance.</summary>
    public async Task<IActionResult> OnPostProposeAsync(Guid channelId, Guid? userId)
    {
        if (userId is not { } chosen || chosen == Guid.Empty)
        {
            Message = text["Admin.Error.ChooseHandler"];
            await LoadAsync();
            return Page();
        }

        await RunAsync(() => keys.ProposeAsync(channelId, chosen, User.UserId()!.Value, HttpContext.RequestAborted), "Admin.Proposed");
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
        Handlers = (await directory.UsersAsync(HttpContext.RequestAborted)).Where(u => u.Role == StaffRole.Handler && !u.IsDisabled).ToList();
    }
}
