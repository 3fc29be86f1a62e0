using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Pages;

/// <summary>
/// The landing page: sends each visitor the right way. It sets no cookie and runs no script. A link to a
/// channel, the mailbox or staff sign-in appears only when the page behind it exists.
/// </summary>
public sealed class IndexModel(Storage.IntakeDbContext db) : PageModel
{
    internal const string WhistleblowingPage = "/Report/Whistleblowing/Index";
    internal const string ThreatPage = "/Report/Threat/Index";
    internal const string MailboxPage = "/Mailbox/Index";
    internal const string SignInPage = "/Staff/SignIn/Index";

    public string? WhistleblowingUrl { get; private set; }

    public string? ThreatUrl { get; private set; }

    public string? MailboxUrl { get; private set; }

    public string? SignInUrl { get; private set; }

    /// <summary>False until set-up has created the channels: the page then says so instead of showing half a page.</summary>
    public bool IsOpen { get; private set; }

    public async Task OnGetAsync()
    {
        // The reporting channels exist only once the organisation is set up.
        var channels = await db.Channels.AsNoTracking().Select(c => c.Code).ToListAsync(HttpContext.RequestAborted);
        WhistleblowingUrl = channels.Contains(Keys.ChannelCodes.Whistleblowing) ? Url.Page(WhistleblowingPage) : null;
        ThreatUrl = channels.Contains(Keys.ChannelCodes.Threat) ? Url.Page(ThreatPage) : null;
        MailboxUrl = channels.Count > 0 ? Url.Page(MailboxPage) : null;
        SignInUrl = Url.Page(SignInPage);
        IsOpen = channels.Count > 0;
    }
}
