using System.Text;
using Intake.Web.Hosting;
using Intake.Web.Reporting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Intake.Web.Pages.Report;

/// <summary>
/// The receipt without JavaScript: the mailbox token from the receipt cookie, shown on every load until the
/// reporter confirms they saved it or ten minutes have passed; downloadable as a text file meanwhile.
/// </summary>
public sealed class ReceiptModel(ReceiptTicket receipts, IOptions<IntakeOptions> options, IStringLocalizer<SharedResource> text) : PageModel
{
    public Receipt? Receipt { get; private set; }

    public bool NotConfirmed { get; private set; }

    public void OnGet() => Receipt = receipts.Peek(HttpContext);

    public IActionResult OnGetDownload()
    {
        if (receipts.Peek(HttpContext) is not { } receipt)
        {
            return RedirectToPage();
        }

        var body = Encoding.UTF8.GetBytes(ReceiptText.For(receipt, PublicAddress.For(Request, options.Value)));
        return File(body, "text/plain; charset=utf-8", text["Report.Receipt.DownloadFileName"]);
    }

    /// <summary>"I have saved the code": the cookie goes and the receipt is shown no more.</summary>
    public IActionResult OnPost([FromForm] bool saved)
    {
        if (saved)
        {
            ReceiptTicket.Discard(HttpContext);
            return RedirectToPage();
        }

        Receipt = receipts.Peek(HttpContext);
        NotConfirmed = Receipt is not null;
        Response.StatusCode = NotConfirmed ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK;
        return Page();
    }
}
