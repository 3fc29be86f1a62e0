using Intake.Crypto.Mailbox;
using Intake.Web.Mailbox;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Mailbox;

/// <summary>
/// The mailbox door: the reporter types their code. A typo in the check character is told as a typo; a code that
/// opens nothing gets one answer whether it is wrong or unknown.
/// </summary>
public sealed class IndexModel(MailboxService mailboxes, MailboxSession session, MailboxAttempts attempts, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public string? Token { get; set; }

    public string? Error { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool Left { get; set; }

    /// <summary>The page's script closed the mailbox after the idle timeout.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Idle { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var status = MailboxToken.TryParse(Token, out var token);
        using (token)
        {
            Error = status switch
            {
                MailboxTokenParseStatus.Empty => text["Mailbox.Error.Empty"].Value,
                MailboxTokenParseStatus.Malformed => text["Mailbox.Error.Malformed"].Value,
                MailboxTokenParseStatus.CheckCharacterMismatch => text["Mailbox.Error.Typo"].Value,
                _ => null,
            };
            if (Error is null)
            {
                using var keys = token!.DeriveKeys();
                if (await mailboxes.FindAsync(keys, HttpContext.RequestAborted) is { } found)
                {
                    // Replies after what the reporter had seen stay marked new for this visit.
                    session.Open(HttpContext, token, found.ReporterSeenPosition);
                    return RedirectToPage("Open");
                }

                Error = text["Mailbox.Error.NotFound"];
            }
        }

        // Only codes that open nothing are counted: a right code is never kept out by someone trying wrong ones.
        if (!await attempts.TryRecordFailureAsync(HttpContext.RequestAborted))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Error = text["Mailbox.Error.Busy"];
        }

        return Page();
    }
}
