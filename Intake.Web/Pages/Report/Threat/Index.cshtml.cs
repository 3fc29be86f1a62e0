using Intake.Web.Keys;
using Intake.Web.Reporting;
using Intake.Web.Storage;

namespace Intake.Web.Pages.Report.Threat;

public sealed class IndexModel(IntakeDbContext db, ServerSealedReports reports, ReceiptTicket receipts) : ReportPageModel(db, reports, receipts)
{
    protected override string ChannelCode => ChannelCodes.Threat;
}
