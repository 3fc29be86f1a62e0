using Intake.Web.Accounts;
using Intake.Web.Cases;
using Intake.Web.Keys;
using Intake.Web.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Intake.Web.Pages.Staff;

/// <summary>
/// The staff start page: my channels and their public keys, and proposals waiting for my grant (granted on
/// <see cref="GrantModel"/>, which shows whom the key goes to).
/// </summary>
public sealed class IndexModel(ChannelDirectory directory, CaseAccess access, InboxQuery inbox, IOptions<MailOptions> mail) : PageModel
{
    /// <summary>For handlers: overdue cases and unread reporter messages in their channels.</summary>
    public InboxSummary? Inbox { get; private set; }

    public IReadOnlyList<ChannelView> Channels { get; private set; } = [];

    public Guid Me { get; private set; }

    public bool IsAdministrator => User.IsInRole(nameof(StaffRole.Administrator));

    /// <summary>Without a mail server nobody is told of new reports or deadlines: the page says so.</summary>
    public bool MailConfigured => mail.Value.IsConfigured;

    public async Task<IActionResult> OnGetAsync()
    {
        // The statistics role has nothing here (no channel, no case): its start page is the statistics.
        if (User.IsInRole(nameof(StaffRole.Statistics)))
        {
            return RedirectToPage("/Staff/Statistics/Index");
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Me = User.UserId() ?? Guid.Empty;
        if (!IsAdministrator)
        {
            Inbox = await inbox.SummaryAsync(await access.ChannelsOfAsync(HttpContext, HttpContext.RequestAborted), HttpContext.RequestAborted);
        }

        var all = await directory.AllAsync(HttpContext.RequestAborted);
        Channels = IsAdministrator
            ? all
            : all.Where(c => c.Members.Any(m => m.UserId == Me && m.State == MembershipState.Active)).ToList();
    }
}
