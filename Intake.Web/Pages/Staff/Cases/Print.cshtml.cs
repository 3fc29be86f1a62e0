using Intake.Web.Accounts;
using Intake.Web.Audit;
using Intake.Web.Cases;
using Intake.Web.Reporting;
using Intake.Web.Reporting.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Staff.Cases;

/// <summary>
/// A print-friendly, decrypted view of the whole case for the registry after a secrecy review: the report's
/// answers with their labels, the thread with dates, internal notes marked as such, the history and the
/// attachments by name and size. The reporter's identity is left out unless the handler ticks the box. Every
/// view is audited (<c>case.printed</c>, with whether the identity was included). No script.
/// </summary>
public sealed class PrintModel(CaseAccess access, CasePrintReader reader, AuditLog audit, CaseCalendar calendar) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "identity")]
    public bool IncludeIdentity { get; set; }

    public CaseReadout Readout { get; private set; } = null!;

    public ReportForm Form { get; private set; } = null!;

    public DateOnly PrintedOn => calendar.Today;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var record = await access.FindAsync(HttpContext, id, HttpContext.RequestAborted);
        var keyring = HttpContext.Keyring();
        if (record is null || keyring is null)
        {
            return NotFound();
        }

        Readout = await reader.ReadAsync(record, keyring, HttpContext.RequestAborted);
        Form = ReportForms.For(Readout.ChannelCode);
        await audit.AppendAsync(AuditKinds.CasePrinted, keyring.UserId, record.Id, record.ChannelId,
            IncludeIdentity ? "identity=included" : "identity=withheld", HttpContext.RequestAborted);
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
