using Intake.Web.Accounts;
using Intake.Web.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Intake.Web.Pages.Staff.Cases;

/// <summary>
/// A case's retention: when it closed and falls due for disposal, the legal hold, the registry export mark.
/// Every button posts and redirects back (PRG); the case must pass <see cref="CaseAccess"/> or it is a 404.
/// </summary>
public sealed class RetentionModel(CaseAccess access, CaseRetention retention) : PageModel
{
    public CaseRecord Record { get; private set; } = null!;

    public string? HoldReason { get; private set; }

    /// <summary>The outcome of the last post, carried through the redirect.</summary>
    [BindProperty(SupportsGet = true, Name = "done")]
    public RetentionChange? Done { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var record = await access.FindAsync(HttpContext, id, HttpContext.RequestAborted);
        if (record is null)
        {
            return NotFound();
        }

        Record = record;
        HoldReason = await retention.CurrentHoldReasonAsync(record, HttpContext.RequestAborted);
        return Page();
    }

    public Task<IActionResult> OnPostHoldAsync(Guid id) =>
        ChangeAsync(id, (record, actor) => retention.PlaceHoldAsync(record, actor, Reason, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostLiftAsync(Guid id) =>
        ChangeAsync(id, (record, actor) => retention.LiftHoldAsync(record, actor, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostRegistryAsync(Guid id) =>
        ChangeAsync(id, (record, actor) => retention.MarkRegistryExportedAsync(record, actor, HttpContext.RequestAborted));

    private async Task<IActionResult> ChangeAsync(Guid id, Func<CaseRecord, Guid, Task<RetentionChange>> change)
    {
        var record = await access.FindAsync(HttpContext, id, HttpContext.RequestAborted);
        if (record is null || User.UserId() is not { } actor)
        {
            return NotFound();
        }

        var outcome = await change(record, actor);
        return RedirectToPage(new { id, done = outcome });
    }
}
