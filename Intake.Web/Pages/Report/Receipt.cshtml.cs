using Intake.Web.Reporting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Intake.Web.Pages.Report;

/// <summary>The receipt: the mailbox token, shown once, after the case is durably committed.</summary>
public sealed class ReceiptModel(ReceiptTicket receipts) : PageModel
{
    public Receipt? Receipt { get; private set; }

    public void OnGet() => Receipt = receipts.Take(HttpContext);
}
