using Intake.Web.Audit;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Cases;

/// <summary>
/// Whether opening a case is a view worth an audit entry. The page a handler lands on after saving (a reply, a
/// status) is not a second view: the save itself was recorded a moment ago by the same person. The decision rests
/// on the log, not on anything in the address, so no one can open a case unrecorded by adding a parameter.
/// </summary>
public sealed class CaseViewAudit(IntakeDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan FollowUpWindow = TimeSpan.FromMinutes(2);

    public async Task<bool> IsFollowUpOfOwnSaveAsync(Guid actorId, Guid caseId, CancellationToken cancellationToken = default)
    {
        var last = await db.AuditEntries.AsNoTracking()
            .Where(e => e.SubjectId == caseId)
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.ActorId, e.Kind, e.OccurredAt })
            .FirstOrDefaultAsync(cancellationToken);
        return last is not null
            && last.ActorId == actorId
            && last.Kind != AuditKinds.CaseViewed
            && last.Kind.StartsWith("case.", StringComparison.Ordinal)
            && clock.GetUtcNow() - last.OccurredAt <= FollowUpWindow;
    }
}
