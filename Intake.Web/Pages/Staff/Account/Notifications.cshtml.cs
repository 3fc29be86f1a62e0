using Intake.Web.Accounts;
using Intake.Web.Localization;
using Intake.Web.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Staff.Account;

/// <summary>My notices: the address (confirmed by a link sent to it), the language, the topics and the digest.</summary>
public sealed class NotificationsModel(NotificationSettings settings, IStringLocalizer<SharedResource> text) : PageModel
{
    private static readonly string[] _doneKeys = ["sent", "removed", "saved", "confirmed"];

    [BindProperty]
    public string? Address { get; set; }

    [BindProperty]
    public string Language { get; set; } = MailTemplates.DefaultLanguage;

    [BindProperty]
    public List<NoticeTopics> Topics { get; set; } = [];

    [BindProperty]
    public bool DailyDigest { get; set; }

    public NotificationProfile Profile { get; private set; } = new();

    public bool MailConfigured => settings.MailConfigured;

    /// <summary>The languages mails are written in, each named in itself as the language switcher does.</summary>
    public IReadOnlyList<Language> Languages => Intake.Web.Localization.Languages.Supported;

    public string? Message { get; private set; }

    public async Task OnGetAsync(string? done)
    {
        await LoadAsync();
        Message = _doneKeys.Contains(done) ? text["Notifications.Done." + done].Value : null;
    }

    public async Task<IActionResult> OnPostAddressAsync()
    {
        var me = User.UserId()!.Value;
        var result = await settings.RequestAddressAsync(
            me, Address, token => Url.PageLink("/Staff/Account/ConfirmAddress", values: new { token })!, HttpContext.RequestAborted);
        if (result != AddressRequestResult.Sent)
        {
            ModelState.AddModelError(nameof(Address), text["Notifications.Error." + result]);
            await LoadAsync(keepForm: true);
            return Page();
        }

        return RedirectToPage(new { done = "sent" });
    }

    public async Task<IActionResult> OnPostRemoveAsync()
    {
        await settings.RemoveAddressAsync(User.UserId()!.Value, HttpContext.RequestAborted);
        return RedirectToPage(new { done = "removed" });
    }

    public async Task<IActionResult> OnPostPreferencesAsync()
    {
        var wanted = Topics.Aggregate(NoticeTopics.None, (all, t) => all | t);
        var muted = NotificationTopics.All.Aggregate(NoticeTopics.None, (all, t) => all | t) & ~wanted;
        await settings.SavePreferencesAsync(User.UserId()!.Value, Language, muted, DailyDigest, HttpContext.RequestAborted);
        return RedirectToPage(new { done = "saved" });
    }

    private async Task LoadAsync(bool keepForm = false)
    {
        Profile = await settings.GetAsync(User.UserId()!.Value, HttpContext.RequestAborted);
        if (!keepForm)
        {
            Address = Profile.PendingEmail ?? Profile.Email;
        }

        Language = Profile.Language;
        DailyDigest = Profile.DailyDigest;
    }
}
