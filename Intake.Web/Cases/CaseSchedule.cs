using Intake.Web.Channels;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Cases;

/// <summary>
/// A tracked case's channel kind, measures and open deadlines, for the services that change a case: after any
/// change they call <see cref="RefreshAsync"/>, which recomputes the deadline columns through the kind's rules.
/// </summary>
public sealed class CaseSchedule(IntakeDbContext db, CaseDeadlines deadlines)
{
    public async Task<ChannelKind> KindAsync(CaseRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var code = await db.Channels.AsNoTracking().Where(c => c.Id == record.ChannelId).Select(c => c.Code).SingleAsync(cancellationToken);
        return ChannelKinds.For(code);
    }

    /// <summary>The case's measures in order, tracked, including those added in this unit of work.</summary>
    public async Task<IReadOnlyList<CaseMeasure>> MeasuresAsync(Guid caseId, CancellationToken cancellationToken = default)
    {
        var stored = await db.CaseMeasures.Where(m => m.CaseId == caseId).ToListAsync(cancellationToken);
        var added = db.ChangeTracker.Entries<CaseMeasure>()
            .Where(e => e.State == EntityState.Added && e.Entity.CaseId == caseId).Select(e => e.Entity);
        return [.. stored.Union(added).OrderBy(m => m.Position)];
    }

    /// <summary>Recomputes the deadline columns and returns every open deadline, earliest first.</summary>
    public async Task<IReadOnlyList<DueDeadline>> RefreshAsync(CaseRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var kind = await KindAsync(record, cancellationToken);
        return deadlines.Apply(record, kind, await MeasuresAsync(record.Id, cancellationToken));
    }
}
