using Intake.Web.Audit;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Cases;

/// <summary>
/// A handler's retention decisions on a case they may open: placing and lifting a legal hold (with a reason
/// code), and marking the case as exported to the registry or archive. Each is audited in the same transaction.
/// A disposed case takes no decision any more.
/// </summary>
public sealed class CaseRetention(IntakeDbContext db, AuditLog audit, UnitOfWork work, CaseCalendar calendar)
{
    public async Task<RetentionChange> PlaceHoldAsync(CaseRecord record, Guid actorId, string? reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.DisposedOn is not null)
        {
            return RetentionChange.Disposed;
        }

        if (reason is null || !LegalHoldReasons.ToPlace.Contains(reason, StringComparer.Ordinal))
        {
            return RetentionChange.ReasonRequired;
        }

        if (record.LegalHold)
        {
            return RetentionChange.Unchanged;
        }

        record.LegalHold = true;
        audit.Record(AuditKinds.CaseLegalHold, actorId, record.Id, record.ChannelId, "placed:" + reason);
        await work.SaveAsync(cancellationToken);
        return RetentionChange.Done;
    }

    public async Task<RetentionChange> LiftHoldAsync(CaseRecord record, Guid actorId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.DisposedOn is not null)
        {
            return RetentionChange.Disposed;
        }

        if (!record.LegalHold)
        {
            return RetentionChange.Unchanged;
        }

        record.LegalHold = false;
        audit.Record(AuditKinds.CaseLegalHold, actorId, record.Id, record.ChannelId, "lifted:" + LegalHoldReasons.Ended);
        await work.SaveAsync(cancellationToken);
        return RetentionChange.Done;
    }

    public async Task<RetentionChange> MarkRegistryExportedAsync(CaseRecord record, Guid actorId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.DisposedOn is not null)
        {
            return RetentionChange.Disposed;
        }

        var today = calendar.Today;
        record.RegistryExportedOn = today;
        audit.Record(AuditKinds.CaseRegistryExported, actorId, record.Id, record.ChannelId, today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await work.SaveAsync(cancellationToken);
        return RetentionChange.Done;
    }

    /// <summary>The reason code of the hold currently in force, from the latest hold event in the audit log.</summary>
    public async Task<string?> CurrentHoldReasonAsync(CaseRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!record.LegalHold)
        {
            return null;
        }

        var detail = await db.AuditEntries.AsNoTracking()
            .Where(e => e.SubjectId == record.Id && e.Kind == AuditKinds.CaseLegalHold)
            .OrderByDescending(e => e.Sequence).Select(e => e.Detail).FirstOrDefaultAsync(cancellationToken);
        return detail is not null && detail.StartsWith("placed:", StringComparison.Ordinal) ? detail["placed:".Length..] : null;
    }
}

public enum RetentionChange
{
    Done,
    Unchanged,
    ReasonRequired,
    Disposed,
}
