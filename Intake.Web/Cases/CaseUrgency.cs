using Intake.Web.Audit;

namespace Intake.Web.Cases;

/// <summary>
/// The handler sets or clears a case's urgency (a clear flag): audited as <c>urgent</c> or <c>not-urgent</c>. An
/// urgent case comes first in the inbox and, for threats, needs the same-day Arbetsmiljöverket decision.
/// </summary>
public sealed class CaseUrgency(CaseSchedule schedule, AuditLog audit)
{
    public async Task SetAsync(CaseRecord record, Guid actorId, bool urgent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        record.Urgent = urgent;
        await schedule.RefreshAsync(record, cancellationToken);
        await audit.AppendAsync(AuditKinds.CaseUrgencyChanged, actorId, record.Id, record.ChannelId, urgent ? "urgent" : "not-urgent", cancellationToken);
    }
}
