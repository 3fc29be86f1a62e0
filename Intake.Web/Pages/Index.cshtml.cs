using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Intake.Web.Pages;

/// <summary>
/// The landing page: sends each visitor the right way. It sets no cookie and runs no script. A link to a
/// channel, the mailbox or staff sign-in appears only when the page behind it exists.
/// </summary>
public sealed class IndexModel : PageModel
{
    internal const string WhistleblowingPage = "/Report/Whistleblowing/Index";
    internal const string ThreatPage = "/Report/Threat/Index";
    internal const string MailboxPage = "/Mailbox/Index";
    internal const string SignInPage = "/Staff/SignIn/Index";

    public string? WhistleblowingUrl { get; private set; }

    public string? ThreatUrl { get; private set; }

    public string? MailboxUrl { get; private set; }

    public string? SignInUrl { get; private set; }

    public void OnGet()
    {
        WhistleblowingUrl = Url.Page(WhistleblowingPage);
        ThreatUrl = Url.Page(ThreatPage);
        MailboxUrl = Url.Page(MailboxPage);
        SignInUrl = Url.Page(SignInPage);
    }
}
