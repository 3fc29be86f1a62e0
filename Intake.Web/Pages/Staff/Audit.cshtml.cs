using Intake.Web.Audit;
using Intake.Web.Storage;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Pages.Staff;

/// <summary>The audit log: the chain verified on every view, and the latest entries with names resolved.</summary>
public sealed class AuditModel(AuditLog audit, IntakeDbContext db) : PageModel
{
    public const int Shown = 200;

    public AuditVerification Verification { get; private set; } = AuditVerification.Intact(0);

    public IReadOnlyList<AuditRow> Entries { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Verification = await audit.VerifyAsync(HttpContext.RequestAborted);
        var names = await db.StaffUsers.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Username, HttpContext.RequestAborted);
        var channels = await db.Channels.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Code, HttpContext.RequestAborted);
        var entries = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Take(Shown).ToListAsync(HttpContext.RequestAborted);
        Entries = entries.Select(e => new AuditRow(
            e.Sequence, e.OccurredAt, e.Kind,
            e.ActorId is { } a ? names.GetValueOrDefault(a, "?") : null,
            e.SubjectId is { } s ? names.GetValueOrDefault(s, "?") : null,
            e.ChannelId is { } c ? channels.GetValueOrDefault(c, "?") : null,
            e.Detail)).ToList();
    }
}

public sealed record AuditRow(long Sequence, DateTimeOffset OccurredAt, string Kind, string? Actor, string? Subject, string? Channel, string? Detail);
