using Intake.Web.Accounts;
using Intake.Web.Cases;
using Intake.Web.Keys;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Staff.Cases;

/// <summary>
/// One case for its handlers: the report and thread decrypted with the session's channel keys (<see cref="CasePageContent"/>),
/// and the status, assignee and category forms (<see cref="StatusChange"/>, <see cref="CaseFactsChange"/>). The case
/// exists only through <see cref="CaseAccess"/>: anyone else gets 404 for the page, the downloads and every form.
/// A saved form goes back to its own section with its confirmation (<see cref="CaseDone"/>); a refused one is shown
/// again with what was typed and a message by the field. The reply and note forms carry files and post to
/// <see cref="WriteModel"/>, which streams them; this page takes only small url-encoded posts
/// (<see cref="Hosting.SmallFormsOnlyAttribute"/>) so that nothing here buffers a body to disk.
/// </summary>
[Hosting.SmallFormsOnly]
public sealed class DetailsModel(
    CaseAccess access, CasePageContent content, StatusChange statusChange, CaseFactsChange facts, IStringLocalizer<SharedResource> text) : PageModel
{
    private readonly List<(string Anchor, string Message)> _errors = [];
    private CasePageShown _shown = null!;

    [FromRoute]
    public Guid Id { get; set; }

    public CaseView View => _shown.View;

    /// <summary>The threats-and-violence panels (urgency, statutory reports, measures, follow-up), for kinds that have them.</summary>
    public ThreatPanel? Threat => _shown.Threat;

    /// <summary>The reply and note forms: ready texts, the suggested one, and the handler's restored drafts.</summary>
    public CaseWriteForms WriteForms => _shown.WriteForms;

    public DateOnly Today => _shown.Today;

    /// <summary>The confirmation of the action just saved, shown in its own section (<see cref="DoneSection"/>).</summary>
    public string? StatusMessage { get; private set; }

    public string? DoneSection { get; private set; }

    public IReadOnlyList<(string Anchor, string Message)> Errors => _errors;

    /// <summary>What the act asks for that the case lacks, when closing waits for the handler's confirmation.</summary>
    public IReadOnlyList<string>? CloseConfirmation { get; private set; }

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

        if (CaseDone.Of(done) is { } saved)
        {
            (DoneSection, StatusMessage) = (saved.Section, text[saved.Text]);
        }

        return Show(record, await content.OpenAsync(record, keyring, afterSave: done is not null, template, Aborted), posted: null);
    }

    /// <summary>Shows the reporter's name and contact in this response only, and audits that they were shown.</summary>
    public async Task<IActionResult> OnPostRevealAsync() =>
        await FindAsync() is ({ } record, { } keyring) ? Show(record, await content.RevealAsync(record, keyring, Aborted), posted: null) : NotFound();

    /// <summary>Streams one attachment, decrypting as it goes, under its original (cleaned) name.</summary>
    public async Task<IActionResult> OnGetAttachmentAsync(Guid attachmentId)
    {
        if (await FindAsync() is not ({ } record, { } keyring) || await content.DownloadAsync(record, keyring, attachmentId, Aborted) is not { } opened)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store, max-age=0";
        return File(opened.Content, "application/octet-stream", SafeFileName.From(opened.Info.Name));
    }

    public Task<IActionResult> OnPostStatusAsync() =>
        PostAsync("status", (record, keyring) => statusChange.PostAsync(record, keyring, new StatusForm(NewStatus, Outcome, ConfirmClose, ClosingMessage), Aborted));

    public Task<IActionResult> OnPostAssignAsync() => PostAsync("assign", (record, keyring) => facts.AssignAsync(record, keyring, AssigneeId, Aborted));

    public Task<IActionResult> OnPostCategoriesAsync() => PostAsync("categories", (record, keyring) => facts.CategoriseAsync(record, keyring, Categories, Aborted));

    public string? ErrorFor(string anchor) =>
        _errors.Where(e => e.Anchor == anchor).Select(e => e.Message).FirstOrDefault();

    private CancellationToken Aborted => HttpContext.RequestAborted;

    private async Task<(CaseRecord Record, UnlockedKeyring Keyring)?> FindAsync()
    {
        var record = await access.FindAsync(HttpContext, Id, Aborted);
        var keyring = HttpContext.Keyring();
        return record is null || keyring is null ? null : (record, keyring);
    }

    private async Task<IActionResult> PostAsync(string form, Func<CaseRecord, UnlockedKeyring, Task<CaseFormResult>> post)
    {
        if (await FindAsync() is not ({ } record, { } keyring))
        {
            return NotFound();
        }

        var result = await post(record, keyring);
        if (result.Done is { } done)
        {
            return CaseDone.Redirect(Id, done);
        }

        _errors.AddRange(result.Errors);
        CloseConfirmation = result.CloseConfirmation;
        ClosingMessage = result.ClosingMessage ?? ClosingMessage;
        Response.StatusCode = result.StatusCode;
        return Show(record, await content.ShowAsync(record, keyring, reveal: false, template: null, Aborted), form);
    }

    /// <summary>The page, its forms filled from the case except the one just posted, which keeps what was typed.</summary>
    private PageResult Show(CaseRecord record, CasePageShown shown, string? posted)
    {
        _shown = shown;
        if (posted != "status")
        {
            (NewStatus, Outcome) = (record.Status, record.Outcome);
        }

        AssigneeId = posted == "assign" ? AssigneeId : record.AssigneeId;
        Categories = posted == "categories" ? Categories : [.. CaseWorkflow.CategoriesOf(record)];
        return Page();
    }
}
