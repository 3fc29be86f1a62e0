using System.Globalization;
using Intake.Crypto.Age;
using Intake.Web.Accounts;
using Intake.Web.Cases;
using Intake.Web.Keys;
using Intake.Web.Localization;
using Intake.Web.Reporting.Uploads;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Staff.Cases;

/// <summary>
/// Where the case page's reply and note forms post, with their attachments. The forms are multipart and stream
/// through <see cref="CaseUploads"/>: each file is sealed as it arrives (a reply to the channel and the mailbox, a
/// note to the channel only) and nothing in clear reaches the disk. For that the page binds nothing (the id is read
/// from the route) and opts out of the antiforgery filter, which would read and buffer the body; the token is the
/// first field of the form and is checked by the reader before any file is taken. The case gate comes first, before
/// a byte of the body is read: anyone but the channel's handlers gets 404. Success goes back to the case page; a
/// refused post shows the form again here with what was typed and the files to choose again.
/// </summary>
[IgnoreAntiforgeryToken]
[DisableRequestSizeLimit]
public sealed class WriteModel(
    CaseAccess access, CaseMessages messages, CaseReplies replies, CaseUploads uploads, ReplyReadyTexts readyTexts,
    Intake.Web.Cases.Drafts.CaseDrafts drafts, IStringLocalizer<SharedResource> text) : PageModel
{
    public Guid Id { get; private set; }

    public string CaseNumber { get; private set; } = string.Empty;

    /// <summary>"reply" or "note": the form shown again.</summary>
    public string Posted { get; private set; } = string.Empty;

    public WriteForm Form { get; private set; } = null!;

    public IReadOnlyList<(string Anchor, string Message)> Errors { get; private set; } = [];

    public bool Expired { get; private set; }

    /// <summary>The form lives on the case page; a GET here (a reload after a refused post) goes back there.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        if (await FindAsync() is not ({ } record, _))
        {
            return NotFound();
        }

        return RedirectToPage("Details", null, new { id = record.Id }, "reply");
    }

    public async Task<IActionResult> OnPostReplyAsync()
    {
        if (await FindAsync() is not ({ } record, { } keyring))
        {
            return NotFound();
        }

        var recipients = await messages.RecipientsAsync(record, toReporter: true, Aborted);
        using var upload = await ReadAsync(record, recipients);
        var typed = upload.Fields.Get("ReplyText");
        var purposeOk = Enum.TryParse<ReplyPurpose>(upload.Fields.Get("ReplyPurpose"), ignoreCase: false, out var purpose) && Enum.IsDefined(purpose);
        var errors = new List<(string, string)>();
        var textError = TextProblem(record, typed.Trim(), upload, text["Staff.Cases.Write.WriteReplyBeforeSendIt"]);
        if (textError is not null)
        {
            errors.Add(("reply-text", textError));
        }

        string? purposeError = null;
        if (!purposeOk)
        {
            purposeError = text["Staff.Cases.Write.ChooseWhatReply"];
            errors.Add(("reply-purpose", purposeError));
        }

        var fileErrors = FileProblems(record, upload);
        errors.AddRange(fileErrors.Select(m => ("reply-attachments", m)));
        if (errors.Count > 0)
        {
            return ShowAgain(record, "reply", errors, upload, new WriteForm
            {
                CaseId = record.Id,
                Text = typed,
                Purpose = purposeOk ? purpose : ReplyPurpose.Message,
                TextError = textError,
                PurposeError = purposeError,
                FileErrors = fileErrors,
                ChooseAgain = CaseUploads.ToChooseAgain(upload),
                ReadyTexts = await readyTexts.ForAsync(record, Aborted),
                SelectedReadyText = upload.Fields.Get("Template"),
            });
        }

        await replies.ReplyAsync(record, keyring, typed, purpose, upload.Files, recipients, Aborted);
        drafts.Delete(keyring.UserId, record.Id, Intake.Web.Cases.Drafts.DraftKind.Reply);
        return CaseDone.Redirect(record.Id, "replied");
    }

    /// <summary>
    /// The picker's button without JavaScript: the reply form comes back with what was typed and the chosen ready
    /// text after it, counting as what the ready text is (an acknowledgement, feedback or a message). Files are
    /// not kept (a browser cannot be handed files back): the form says to choose them again.
    /// </summary>
    public async Task<IActionResult> OnPostReadyTextAsync()
    {
        if (await FindAsync() is not ({ } record, _))
        {
            return NotFound();
        }

        using var upload = await uploads.ReadAsync(HttpContext, _ => null, record.Id, Aborted);
        var typed = upload.Fields.Get("ReplyText");
        var code = upload.Fields.Get("Template");
        var all = await readyTexts.ForAsync(record, Aborted);
        var chosen = all.FirstOrDefault(t => string.Equals(t.Code, code, StringComparison.Ordinal));
        var purposeOk = Enum.TryParse<ReplyPurpose>(upload.Fields.Get("ReplyPurpose"), ignoreCase: false, out var purpose) && Enum.IsDefined(purpose);
        var refused = upload.AntiforgeryFailed || upload.TextTooLarge || upload.Malformed;
        var form = new WriteForm
        {
            CaseId = record.Id,
            Text = chosen is null || refused ? typed : ReplyReadyTexts.Add(typed, chosen.Text),
            Purpose = chosen is not null && !refused ? chosen.Purpose : purposeOk ? purpose : ReplyPurpose.Message,
            ReadyTexts = all,
            SelectedReadyText = chosen?.Code,
            ReadyTextAdded = chosen is not null && !refused,
            ChooseAgain = CaseUploads.ToChooseAgain(upload),
        };
        if (refused)
        {
            var problem = upload.AntiforgeryFailed ? text["Staff.Cases.ReplyForm.ReadyTextExpired"] : text["Common.TextTooLongAtMost", CaseReplies.MaxLength];
            return ShowAgain(record, "reply", [("reply-text", problem)], upload, form);
        }

        return ShowAgain(record, "reply", [], upload, form, StatusCodes.Status200OK);
    }

    public async Task<IActionResult> OnPostNoteAsync()
    {
        if (await FindAsync() is not ({ } record, { } keyring))
        {
            return NotFound();
        }

        var recipients = await messages.RecipientsAsync(record, toReporter: false, Aborted);
        using var upload = await ReadAsync(record, recipients);
        var typed = upload.Fields.Get("NoteText");
        var errors = new List<(string, string)>();
        var textError = TextProblem(record, typed.Trim(), upload, text["Staff.Cases.Write.WriteNoteBeforeSaveIt"]);
        if (textError is not null)
        {
            errors.Add(("note-text", textError));
        }

        var fileErrors = FileProblems(record, upload);
        errors.AddRange(fileErrors.Select(m => ("note-attachments", m)));
        if (errors.Count > 0)
        {
            return ShowAgain(record, "note", errors, upload, new WriteForm
            {
                CaseId = record.Id,
                Text = typed,
                TextError = textError,
                FileErrors = fileErrors,
                ChooseAgain = CaseUploads.ToChooseAgain(upload),
            });
        }

        await replies.NoteAsync(record, keyring, typed, upload.Files, recipients, Aborted);
        drafts.Delete(keyring.UserId, record.Id, Intake.Web.Cases.Drafts.DraftKind.Note);
        return CaseDone.Redirect(record.Id, "noted");
    }

    private CancellationToken Aborted => HttpContext.RequestAborted;

    /// <summary>Files of a disposed case are not even sealed: the reader drains them.</summary>
    private Task<UploadResult> ReadAsync(CaseRecord record, IReadOnlyCollection<IRecipient> recipients) =>
        uploads.ReadAsync(HttpContext, _ => record.DisposedOn is null ? recipients : null, record.Id, Aborted);

    private async Task<(CaseRecord Record, UnlockedKeyring Keyring)?> FindAsync()
    {
        // Read from the route only: a bound property would make the framework read (and buffer) the body.
        if (!Guid.TryParse(RouteData.Values["id"]?.ToString(), out var id))
        {
            return null;
        }

        var record = await access.FindAsync(HttpContext, id, Aborted);
        var keyring = HttpContext.Keyring();
        return record is null || keyring is null ? null : (record, keyring);
    }

    private string? TextProblem(CaseRecord record, string typed, UploadResult upload, string missing)
    {
        if (record.DisposedOn is not null)
        {
            return text["Staff.Cases.Write.CasesContentHasBeenDisposed"];
        }

        if (upload.TextTooLarge || typed.Length > CaseReplies.MaxLength)
        {
            return text["Common.TextTooLongAtMost", CaseReplies.MaxLength];
        }

        return typed.Length == 0 ? missing : null;
    }

    private IReadOnlyList<string> FileProblems(CaseRecord record, UploadResult upload) =>
        record.DisposedOn is not null ? [] : UploadProblems.Describe(upload, uploads.Limits, text);

    private PageResult ShowAgain(
        CaseRecord record, string posted, List<(string, string)> errors, UploadResult upload, WriteForm form, int statusCode = StatusCodes.Status422UnprocessableEntity)
    {
        Id = record.Id;
        CaseNumber = record.CaseNumber;
        Posted = posted;
        Errors = errors;
        Expired = upload.AntiforgeryFailed;
        Form = form;
        Response.StatusCode = statusCode;
        return Page();
    }
}
