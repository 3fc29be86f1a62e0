using Intake.Web.Accounts;
using Intake.Web.Audit;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Intake.Web.Pages.Staff;

/// <summary>
/// The audit log: the whole chain verified on every view, its head (to note down elsewhere and check later with
/// <c>audit verify --expect-head</c>), and the latest entries the viewer may see (<see cref="AuditQuery"/>).
/// </summary>
public sealed class AuditModel(AuditLog audit, AuditQuery query) : PageModel
{
    public const int Shown = 200;

    public AuditVerification Verification { get; private set; } = AuditVerification.Intact(0);

    public AuditHead? Head { get; private set; }

    public IReadOnlyList<AuditRow> Entries { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var aborted = HttpContext.RequestAborted;
        Verification = await audit.VerifyAsync(cancellationToken: aborted);
        Head = await audit.HeadAsync(aborted);
        var role = User.IsInRole(nameof(StaffRole.Administrator)) ? StaffRole.Administrator : StaffRole.Handler;
        Entries = await query.LatestForAsync(User.UserId()!.Value, role, Shown, aborted);
    }
}
