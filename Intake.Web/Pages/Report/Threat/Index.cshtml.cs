using Intake.Web.Keys;
using Intake.Web.Reporting;
using Intake.Web.Storage;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Report.Threat;

public sealed class IndexModel(IntakeDbContext db, ReportIntake reports, ReceiptTicket receipts, Reporting.Admission.SubmissionGate gate,
    IStringLocalizer<SharedResource> text)
    : ReportPageModel(db, reports, receipts, gate, text)
{
    protected override string ChannelCode => ChannelCodes.Threat;
}
