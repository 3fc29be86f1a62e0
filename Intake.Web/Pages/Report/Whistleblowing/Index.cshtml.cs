using Intake.Web.Keys;
using Intake.Web.Reporting;
using Intake.Web.Storage;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Intake.Web.Pages.Report.Whistleblowing;

public sealed class IndexModel(IntakeDbContext db, ReportIntake reports, ReceiptTicket receipts, Reporting.Admission.SubmissionGate gate,
    IStringLocalizer<SharedResource> text, IOptions<Reporting.Uploads.UploadOptions> uploads)
    : ReportPageModel(db, reports, receipts, gate, text, uploads)
{
    protected override string ChannelCode => ChannelCodes.Whistleblowing;
}
