using Intake.Web.Accounts;
using Intake.Web.Audit;
using Intake.Web.Keys;
using Intake.Web.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Staff.Admin;

/// <summary>Channels: texts in both languages, propose a handler, remove a member (revokes and rotates the key).</summary>
public sealed class ChannelsModel(
    ChannelDirectory directory, ChannelKeys keys, IntakeDbContext db, AuditLog audit, UnitOfWork work, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<ChannelView> Channels { get; private set; } = [];

    public IReadOnlyList<StaffUser> Handlers { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostTextsAsync(Guid channelId, string nameSv, string nameEn, string introSv, string introEn)
    {
        var channel = await db.Channels.SingleAsync(c => c.Id == channelId, HttpContext.RequestAborted);
        if (string.IsNullOrWhiteSpace(nameSv) || string.IsNullOrWhiteSpace(nameEn))
        {
            Message = text["Admin.Error.ChannelName"];
        }
        else
        {
            (channel.NameSv, channel.NameEn, channel.IntroSv, channel.IntroEn) = (nameSv.Trim(), nameEn.Trim(), introSv?.Trim() ?? string.Empty, introEn?.Trim() ?? string.Empty);
            audit.Record(AuditKinds.ChannelTextsChanged, User.UserId(), channelId: channelId);
            await work.SaveAsync(HttpContext.RequestAborted);
            Message = text["Admin.Saved"];
        }

        await LoadAsync();
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
