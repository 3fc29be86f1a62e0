using Intake.Crypto.Mailbox;
using Intake.Web.Mailbox;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Intake.Web.Pages.Mailbox;

/// <summary>
/// The open mailbox: status, thread, attachments, a follow-up form and a meeting request. Each request derives the
/// mailbox keys from the token in the encrypted session cookie and forgets them when it ends.
/// </summary>
[IgnoreAntiforgeryToken]
[DisableRequestSizeLimit]
public sealed class OpenModel(MailboxService mailboxes, MailboxSession session, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) : PageModel
{
    public MailboxThread? Thread { get; private set; }

    public FollowUpResult? Rejected { get; private set; }

    /// <summary>The thread position the reporter had seen before this visit, from the mailbox session.</summary>
    private int _seenBefore;

    public const string MessageSent = "true";
    public const string MeetingRequested = "meeting";

    /// <summary>
    /// What was just done, to confirm: a message sent or a meeting asked for. Read from the query only: no bound
    /// property may make the framework read a streamed form.
    /// </summary>
    public string? Done { get; private set; }

    public Task<IActionResult> OnGetAsync() => WithMailboxAsync(async keys =>
    {
        var done = Request.Query["sent"].ToString();
        Done = done is MessageSent or MeetingRequested ? done : null;
        Thread = await mailboxes.OpenAsync(keys, _seenBefore, HttpContext.RequestAborted);
        return Thread is null ? Closed() : Page();
    });

    public Task<IActionResult> OnGetAttachmentAsync(Guid id) => WithMailboxAsync(async keys =>
    {
        var attachment = await mailboxes.OpenAttachmentAsync(keys, id, HttpContext.RequestAborted);
        if (attachment is not { } found)
        {
            return NotFound();
        }

        return File(found.Content, "application/octet-stream", Web.Cases.SafeFileName.From(found.Info.Name));
    });

    public Task<IActionResult> OnPostMessageAsync() => WithMailboxAsync(async keys =>
    {
        var result = await mailboxes.AddMessageAsync(HttpContext, keys, HttpContext.RequestAborted);
        if (result.Sent)
        {
            return RedirectToPage("Open", new { sent = MessageSent });
        }

        Rejected = result;
        Thread = await mailboxes.OpenAsync(keys, _seenBefore, HttpContext.RequestAborted);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    });

    public Task<IActionResult> OnPostMeetingAsync() => WithMailboxAsync(async keys =>
    {
        // Small url-encoded forms: the usual antiforgery check (the page opts out of the automatic one for the
        // streamed message form).
        if (!await SmallFormIsValidAsync())
        {
            return RedirectToPage("Open");
        }

        await mailboxes.RequestMeetingAsync(keys, HttpContext.RequestAborted);
        return RedirectToPage("Open", new { sent = MeetingRequested });
    });

    public async Task<IActionResult> OnPostLeaveAsync()
    {
        if (await SmallFormIsValidAsync())
        {
            session.Close(HttpContext);
            return RedirectToPage("Index", new { left = true });
        }

        return RedirectToPage("Open");
    }

    private async Task<IActionResult> WithMailboxAsync(Func<MailboxKeys, Task<IActionResult>> action)
    {
        using var token = session.Current(HttpContext, out _seenBefore);
        if (token is null)
        {
            return Closed();
        }

        using var keys = token.DeriveKeys();
        return await action(keys);
    }

    // A mailbox cookie that no longer opens anything means the 15 minutes ran out: the door says so.
    private RedirectToPageResult Closed() => Request.Cookies.ContainsKey(MailboxSession.CookieName)
        ? RedirectToPage("Index", new { idle = true })
        : RedirectToPage("Index");

    /// <summary>
    /// The meeting and leave buttons post small url-encoded forms. Anything else is refused before the framework
    /// would read it: a multipart body here would be buffered to disk.
    /// </summary>
    private async Task<bool> SmallFormIsValidAsync() =>
        Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
        && Request.ContentLength is < 16 * 1024
        && await antiforgery.IsRequestValidAsync(HttpContext);
}
