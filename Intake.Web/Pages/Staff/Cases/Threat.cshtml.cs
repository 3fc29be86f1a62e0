using Intake.Web.Accounts;
using Intake.Web.Cases;
using Intake.Web.Channels;
using Intake.Web.Keys;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Staff.Cases;

/// <summary>
/// Where the case page's threats-and-violence forms post: urgency, statutory reports, measures, follow-up and the
/// organisational unit. Behind the same gate as the case page (<see cref="CaseAccess"/>: 404 for anyone else, and
/// for a case whose channel kind has no such panel). Success goes back to the case page; a refused form is shown
/// here again with what was typed and a message by the field (422).
/// </summary>
[Hosting.SmallFormsOnly]
public sealed class ThreatModel(
    CaseAccess access, CaseReader reader, ThreatPanels panels, CaseUrgency urgency, CaseStatutoryReports statutory, CaseTriage triage,
    CaseMeasures measures, CaseUnitChange units, CaseCalendar calendar, IStringLocalizer<SharedResource> text) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public bool Urgent { get; set; }

    [BindProperty]
    public StatutoryForm Statutory { get; set; } = new();

    [BindProperty]
    public TriageForm Triage { get; set; } = new();

    [BindProperty]
    public MeasureForm Measure { get; set; } = new();

    [BindProperty]
    public string? Unit { get; set; }

    public ThreatPanel Panel { get; private set; } = null!;

    public string CaseNumber { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync() =>
        await FindAsync() is ({ } record, _) ? RedirectToPage("Details", new { id = record.Id }) : NotFound();

    public Task<IActionResult> OnPostUrgencyAsync() => RunAsync(CaseSections.Urgency, "urgency", async (record, keyring, _) =>
    {
        await urgency.SetAsync(record, keyring.UserId, Urgent, Aborted);
        return true;
    });

    public Task<IActionResult> OnPostStatutoryAsync() => RunAsync(CaseSections.StatutoryReports, "statutory", async (record, keyring, errors) =>
    {
        if (Statutory.Parse(calendar.Today, text, errors) is not { } input)
        {
            return false;
        }

        await statutory.UpdateAsync(record, keyring, input, Aborted);
        return true;
    });

    public Task<IActionResult> OnPostTriageAsync() => RunAsync(CaseSections.FollowUp, "triage", async (record, keyring, errors) =>
    {
        if (Triage.Parse(calendar.Today, text, errors) is not { } input)
        {
            return false;
        }

        await triage.UpdateAsync(record, keyring, input, Aborted);
        return true;
    });

    public Task<IActionResult> OnPostMeasureAsync() => RunAsync(CaseSections.Measures, "measure", async (record, keyring, errors) =>
    {
        if (Measure.Parse(calendar.Today, text, errors) is not { } input)
        {
            return false;
        }

        if (Measure.MeasureId is { } id)
        {
            return await measures.UpdateAsync(record, keyring.UserId, id, input, Aborted) || Refuse(errors, Measure.Prefix + "-what", "Staff.Cases.Measures.NoSuchMeasure");
        }

        await measures.AddAsync(record, keyring.UserId, input, Aborted);
        return true;
    });

    public Task<IActionResult> OnPostUnitAsync() => RunAsync(CaseSections.OrganisationUnit, "unit", async (record, keyring, errors) =>
        await units.SetAsync(record, keyring.UserId, Unit, Aborted) || Refuse(errors, "case-unit", "Staff.Cases.Threat.ChooseUnit"));

    private CancellationToken Aborted => HttpContext.RequestAborted;

    private bool Refuse(List<(string Anchor, string Message)> errors, string anchor, string key)
    {
        errors.Add((anchor, text[key]));
        return false;
    }

    private async Task<IActionResult> RunAsync(CaseSections section, string done, Func<CaseRecord, UnlockedKeyring, List<(string, string)>, Task<bool>> change)
    {
        if (await FindAsync() is not ({ } record, { } keyring) || !(await reader.KindAsync(record.ChannelId, Aborted)).Has(section))
        {
            return NotFound();
        }

        var errors = new List<(string, string)>();
        if (await change(record, keyring, errors))
        {
            return CaseDone.Redirect(record.Id, done);
        }

        var view = await reader.ReadAsync(record, keyring, revealIdentity: false, Aborted);
        Panel = (await panels.ForAsync(view, Aborted))!;
        Panel.Errors.AddRange(errors);
        CaseNumber = record.CaseNumber;
        switch (done)
        {
            case "statutory": Panel.Statutory = Statutory; break;
            case "triage": Panel.Triage = Triage; break;
            case "unit": Panel.Unit = Unit; break;
            case "measure" when Measure.MeasureId is null: Panel.NewMeasure = Measure; break;
            case "measure": Panel.ChangedMeasure = Measure; break;
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<(CaseRecord Record, UnlockedKeyring Keyring)?> FindAsync()
    {
        var record = await access.FindAsync(HttpContext, Id, Aborted);
        var keyring = HttpContext.Keyring();
        return record is null || keyring is null ? null : (record, keyring);
    }
}
