using Intake.Web.Accounts;
using Intake.Web.Audit;
using Intake.Web.Cases;
using Intake.Web.Reporting;
using Intake.Web.Reporting.Forms;
using Intake.Web.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Staff.Cases;

/// <summary>
/// A print-friendly, decrypted view of the whole case for the registry after a secrecy review: the report's
/// answers with their labels, the thread with dates, internal notes marked as such, the history and the
/// attachments by name and size. The reporter's identity is left out of the view a link opens (GET); it is shown
/// only after the handler asks for it with a form (POST), which is audited as an identity reveal like the case
/// page's button. Every view is audited (<c>case.printed</c>, with whether the identity was included). No script.
/// </summary>
public sealed class PrintModel(CaseAccess access, CasePrintReader reader, AuditLog audit, UnitOfWork work, CaseCalendar calendar) : PageModel
{
    /// <summary>Set only by the POST: a link (or a prefetch) never reveals the identity.</summary>
    public bool IncludeIdentity { get; private set; }

    public CaseReadout Readout { get; private set; } = null!;

    public ReportForm Form { get; private set; } = null!;

    public DateOnly PrintedOn => calendar.Today;

    public Task<IActionResult> OnGetAsync(Guid id) => ShowAsync(id, includeIdentity: false);

    public Task<IActionResult> OnPostAsync(Guid id, [FromForm(Name = "identity")] bool identity) => ShowAsync(id, identity);

    private async Task<IActionResult> ShowAsync(Guid id, bool includeIdentity)
    {
        IncludeIdentity = includeIdentity;
        var record = await access.FindAsync(HttpContext, id, HttpContext.RequestAborted);
        var keyring = HttpContext.Keyring();
        if (record is null || keyring is null)
        {
            return NotFound();
        }

        Readout = await reader.ReadAsync(record, keyring, HttpContext.RequestAborted);
        Form = ReportForms.For(Readout.ChannelCode);
        if (IncludeIdentity)
        {
            audit.Record(AuditKinds.CaseIdentityRevealed, keyring.UserId, record.Id, record.ChannelId, "print");
        }

        audit.Record(AuditKinds.CasePrinted, keyring.UserId, record.Id, record.ChannelId, IncludeIdentity ? "identity=included" : "identity=withheld");
        await work.SaveAsync(HttpContext.RequestAborted);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    /// <summary>The report's answers without the identifying fields.</summary>
    public static ReportJson WithoutIdentity(ReportJson report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report with
        {
            Answers = report.Answers.Where(a => !CommonFields.IdentifyingFields.Contains(a.Key)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal),
        };
    }

    public static string KindLabel(IStringLocalizer T, EntryKind kind) => kind switch
    {
        EntryKind.Report => T["Staff.Cases.Print.Kind.Report"],
        EntryKind.ReporterMessage => T["Staff.Cases.Print.Kind.ReporterMessage"],
        EntryKind.HandlerMessage => T["Staff.Cases.Print.Kind.HandlerMessage"],
        EntryKind.InternalNote => T["Staff.Cases.Print.Kind.InternalNote"],
        EntryKind.ReceiptConfirmation => T["Staff.Cases.Print.Kind.ReceiptConfirmation"],
        EntryKind.MeetingRequest => T["Staff.Cases.Print.Kind.MeetingRequest"],
        _ => kind.ToString(),
    };

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB"),
        _ => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MiB"),
    };
}
