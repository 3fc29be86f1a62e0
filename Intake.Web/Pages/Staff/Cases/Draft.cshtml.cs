using Intake.Web.Accounts;
using Intake.Web.Cases;
using Intake.Web.Cases.Drafts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Intake.Web.Pages.Staff.Cases;

/// <summary>
/// Where the case page's script keeps the handler's unsent reply or note as they type (<see cref="CaseDrafts"/>):
/// 204 when kept, 404 for anyone but the case's handlers. An empty box deletes the draft.
/// </summary>
[Hosting.SmallFormsOnly]
public sealed class DraftModel(CaseAccess access, CaseDrafts drafts) : PageModel
{
    [BindProperty]
    public DraftKind Kind { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var record = await access.FindAsync(HttpContext, id, HttpContext.RequestAborted);
        var keyring = HttpContext.Keyring();
        if (record is null || keyring is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid || record.DisposedOn is not null || Text?.Length > CaseReplies.MaxLength)
        {
            return BadRequest();
        }

        await drafts.SaveAsync(record, keyring, Kind, Text, HttpContext.RequestAborted);
        return new NoContentResult();
    }
}
