using Intake.Web.Accounts;
using Intake.Web.Audit;
using Intake.Web.Cases;
using Intake.Web.Channels;
using Intake.Web.Keys;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Staff.Cases;

/// <summary>
/// One case for its handlers: the report and thread decrypted with the session's channel keys, and every action
/// a handler takes in it. The case exists only through <see cref="CaseAccess"/>: anyone else gets 404 for the
/// page, the downloads and every form. Actions follow post, redirect, get with a status message; refused input
/// is shown again with what was typed and a message by the field. The reply and note forms carry files and post
/// to <see cref="WriteModel"/>, which streams them; this page, whose small forms bind properties, takes only small
/// url-encoded posts (<see cref="Hosting.SmallFormsOnlyAttribute"/>) so that nothing here buffers a body to disk.
/// </summary>
[Hosting.SmallFormsOnly]
public sealed class DetailsModel(
    CaseAccess access, CaseReader reader, CaseWorkflow workflow, StatusChange statusChange, ThreatPanels panels,
    WriteForms writeForms, AuditLog audit, Intake.Web.Storage.UnitOfWork work, CaseCalendar calendar, CaseViewAudit viewAudit,
    IStringLocalizer<SharedResource> text) : PageModel
{
    private readonly List<(string Anchor, string Message)> _errors = [];

    [FromRoute]
    public Guid Id { get; set; }

    public CaseView View { get; private set; } = null!;

    public ChannelKind Kind => View.Kind;

    /// <summary>The threats-and-violence panels (urgency, statutory reports, measures, follow-up), for kinds that have them.</summary>
    public ThreatPanel? Threat { get; private set; }

    public DateOnly Today => calendar.Today;

    /// <summary>The confirmation of the action just saved, shown in its own section (<see cref="DoneSection"/>).</summary>
    public string? StatusMessage { get; private set; }

    public string? DoneSection { get; private set; }

    public IReadOnlyList<(string Anchor, string Message)> Errors => _errors;

    /// <summary>The reply and note forms: ready texts, the suggested one, and the handler's restored drafts.</summary>
    public CaseWriteForms WriteForms { get; private set; } = null!;

    [BindProperty]
    public CaseStatus? NewStatus { get; set; }

    [BindProperty]
    public string? Outcome { get; set; }

    /// <summary>The handler confirmed closing a whistleblowing case without acknowledgement or feedback.</summary>
    [BindProperty]
    public bool ConfirmClose { get; set; }

    /// <summary>The closing message to the reporter offered with that confirmation.</summary>
    [BindProperty]
    public string? ClosingMessage { get; set; }

    /// <summary>What the act asks for that the case lacks, when closing waits for the handler's confirmation.</summary>
    public IReadOnlyList<string>? CloseConfirmation { get; private set; }

    [BindProperty]
    public Guid? AssigneeId { get; set; }

    [BindProperty]
    public List<string> Categories { get; set; } = [];


    public async Task<IActionResult> OnGetAsync(string? template, string? done)
    {
        if (await FindAsync() is not ({ } record, { } keyring))
        {
            return NotFound();
        }

        // Marking the messages read and the view's audit entry are one unit of work.
        if (done is null || !await viewAudit.IsFollowUpOfOwnSaveAsync(keyring.UserId, record.Id, Aborted))
        {
            record.UnreadReporterMessages = 0;
            audit.Record(AuditKinds.CaseViewed, keyring.UserId, record.Id, record.ChannelId);
            await work.SaveAsync(Aborted);
        }
        if (CaseDone.Of(done) is { } saved)
        {
            DoneSection = saved.Section;
            StatusMessage = text[saved.Text];
        }

        await LoadAsync(record, keyring, reveal: false, posted: null, template);
        return Page();
    }

    /// <summary>Shows the reporter's name and contact in this response only, and audits that they were shown.</summary>
    public async Task<IActionResult> OnPostRevealAsync()
    {
        if (await FindAsync() is not ({ } record, { } keyring))
        {
            return NotFound();
        }

        await audit.AppendAsync(AuditKinds.CaseIdentityRevealed, keyring.UserId, record.Id, record.ChannelId, cancellationToken: Aborted);
        await LoadAsync(record, keyring, reveal: true, posted: null);
        return Page();
    }

    /// <summary>Streams one attachment, decrypting as it goes, under its original (cleaned) name.</summary>
    public async Task<IActionResult> OnGetAttachmentAsync(Guid attachmentId)
    {
        if (await FindAsync() is not ({ } record, { } keyring))
        {
            return NotFound();
        }

        if (await reader.OpenAttachmentAsync(record, keyring, attachmentId, Aborted) is not { } opened)
        {
            return NotFound();
        }

        await audit.AppendAsync(AuditKinds.CaseAttachmentDownloaded, keyring.UserId, record.Id, record.ChannelId, attachmentId.ToString(), Aborted);
        Response.Headers.CacheControl = "no-store, max-age=0";
        return File(opened.Content, "application/octet-stream", SafeFileName.From(opened.Info.Name));
    }

    public async Task<IActionResult> OnPostStatusAsync()
    {
        if (await FindAsync() is not ({ } record, { } keyring))
        {
            return NotFound();
        }

        var problem = await statusChange.ApplyAsync(record, keyring, NewStatus, NullIfEmpty(Outcome), ConfirmClose, ClosingMessage, Aborted);
        if (problem == WorkflowProblem.RepliesMissing)
        {
            CloseConfirmation = CaseWorkflow.RepliesMissing(record);
            ClosingMessage ??= text["Staff.Cases.Close.DefaultMessage"];
            return await ShowAgainAsync(record, keyring, "status", StatusCodes.Status200OK);
        }

        if (problem == WorkflowProblem.ClosingMessageTooLong)
        {
            CloseConfirmation = CaseWorkflow.RepliesMissing(record);
            _errors.Add(("closing-message", text["Staff.Cases.Close.MessageTooLong", CaseReplies.MaxLength]));
            return await ShowAgainAsync(record, keyring, "status");
        }

        if (problem == WorkflowProblem.ReportsMissing)
        {
            var missing = await panels.MissingBeforeClosingAsync(record, Aborted);
            _errors.Add(("new-status", text["Staff.Cases.CloseGuard.Refused", string.Join("; ", missing.Select(m => text["Staff.Cases.CloseGuard." + m].Value))]));
            return await ShowAgainAsync(record, keyring, "status");
        }

        if (problem != WorkflowProblem.None)
        {
            _errors.Add(problem == WorkflowProblem.Disposed
                ? ("new-status", text["Staff.Cases.Details.CasesContentHasBeenDisposed"])
                : NewStatus is null
                    ? ("new-status", text["Staff.Cases.Details.ChooseStatus"])
                    : ("outcome", text["Staff.Cases.Details.ChooseHowCaseEnded"]));
            return await ShowAgainAsync(record, keyring, "status");
        }

        var messageSent = ConfirmClose && !string.IsNullOrWhiteSpace(ClosingMessage) && StatusChange.CanMessageReporter(record);
        return Done(record.Status != CaseStatus.Closed ? "status" : messageSent ? "closed-sent" : "closed");
    }

    public async Task<IActionResult> OnPostAssignAsync()
    {
        if (await FindAsync() is not ({ } record, { } keyring))
        {
            return NotFound();
        }

        if (await workflow.AssignAsync(record, keyring.UserId, AssigneeId, Aborted) != WorkflowProblem.None)
        {
            _errors.Add(("assignee", text["Staff.Cases.Details.ChooseCaseHandlerWhoMember"]));
            return await ShowAgainAsync(record, keyring, "assign");
        }

        return Done("assigned");
    }

    public async Task<IActionResult> OnPostCategoriesAsync()
    {
        if (await FindAsync() is not ({ } record, { } keyring))
        {
            return NotFound();
        }

        var channelCode = await ChannelCodeAsync(record);
        if (await workflow.CategoriseAsync(record, keyring.UserId, channelCode, Categories, Aborted) != WorkflowProblem.None)
        {
            _errors.Add(("categories", text["Staff.Cases.Details.ChooseFromCategoriesListed"]));
            return await ShowAgainAsync(record, keyring, "categories");
        }

        return Done("categorised");
    }

    public string? ErrorFor(string anchor) =>
        _errors.Where(e => e.Anchor == anchor).Select(e => e.Message).FirstOrDefault();

    private CancellationToken Aborted => HttpContext.RequestAborted;

    private async Task<(CaseRecord Record, UnlockedKeyring Keyring)?> FindAsync()
    {
        var record = await access.FindAsync(HttpContext, Id, Aborted);
        var keyring = HttpContext.Keyring();
        return record is null || keyring is null ? null : (record, keyring);
    }

    private async Task<string> ChannelCodeAsync(CaseRecord record) =>
        (await reader.ChannelAsync(record.ChannelId, Aborted)).Code;

    private async Task<PageResult> ShowAgainAsync(CaseRecord record, UnlockedKeyring keyring, string posted, int statusCode = StatusCodes.Status422UnprocessableEntity)
    {
        await LoadAsync(record, keyring, reveal: false, posted);
        Response.StatusCode = statusCode;
        return Page();
    }

    private async Task LoadAsync(CaseRecord record, UnlockedKeyring keyring, bool reveal, string? posted, string? template = null)
    {
        View = await reader.ReadAsync(record, keyring, reveal, Aborted);
        if (posted != "status")
        {
            NewStatus = record.Status;
            Outcome = record.Outcome;
        }

        if (posted != "assign")
        {
            AssigneeId = record.AssigneeId;
        }

        if (posted != "categories")
        {
            Categories = [.. CaseWorkflow.CategoriesOf(record)];
        }

        Threat = await panels.ForAsync(View, Aborted);
        WriteForms = writeForms.For(View, keyring, template);
    }

    private RedirectToPageResult Done(string what) => CaseDone.Redirect(Id, what);

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
