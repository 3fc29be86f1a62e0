using Intake.Web.Audit;
using Intake.Web.Keys;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Cases;

/// <summary>
/// Decrypts a whole case with the handler's channel keys, for this request only: the thread with its documents,
/// authors and attachment descriptions, the sealed triage and measures, and the case's history from the audit log.
/// </summary>
public sealed class CasePrintReader(IntakeDbContext db, CaseThread thread, CaseCalendar calendar, CaseTriage triage, CaseMeasures measures, CaseSchedule schedule)
{
    /// <summary>Audit kinds shown as the case's history.</summary>
    public static IReadOnlyList<string> HistoryKinds { get; } =
    [
        AuditKinds.CaseRegistered, AuditKinds.CaseStatusChanged, AuditKinds.CaseAssigned, AuditKinds.CaseCategorised,
        AuditKinds.CaseTriageChanged, AuditKinds.CaseUrgencyChanged, AuditKinds.CaseStatutoryChanged, AuditKinds.CaseMeasureAdded,
        AuditKinds.CaseMeasureChanged, AuditKinds.CaseUnitChanged, AuditKinds.CaseLegalHold, AuditKinds.CaseRegistryExported, AuditKinds.CaseDisposed,
    ];

    public async Task<CaseReadout> ReadAsync(CaseRecord record, UnlockedKeyring keyring, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(keyring);
        var identities = keyring.IdentitiesFor(record.ChannelId);
        var channelCode = await db.Channels.Where(c => c.Id == record.ChannelId).Select(c => c.Code).SingleAsync(cancellationToken);
        var items = await thread.ReadAsync(record.Id, identities, CaseThreadReader.Handlers, cancellationToken);
        var names = await db.StaffUsers.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var history = await db.AuditEntries.AsNoTracking()
            .Where(e => e.SubjectId == record.Id && HistoryKinds.Contains(e.Kind))
            .OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var measureViews = measures.Open(await schedule.MeasuresAsync(record.Id, cancellationToken), keyring, record.ChannelId);
        return new CaseReadout(record, channelCode, items, triage.Open(record, keyring), measureViews, history
            .Select(h => new HistoryItem(calendar.DayOf(h.OccurredAt), h.Kind, h.Detail, h.ActorId is { } a ? names.GetValueOrDefault(a) : null,
                Audit.AuditWords.PersonIn(h.Detail) is { } p ? names.GetValueOrDefault(p) : null))
            .ToList());
    }
}

/// <summary>A case decrypted for one request.</summary>
public sealed record CaseReadout(
    CaseRecord Record, string ChannelCode, IReadOnlyList<CaseThreadEntry> Items, TriageSecrets Triage, IReadOnlyList<MeasureView> Measures, IReadOnlyList<HistoryItem> History)
{
    public Channels.ChannelKind Kind => Channels.ChannelKinds.For(ChannelCode);
}

/// <summary>A recorded event of the case, by Swedish calendar day.</summary>
public sealed record HistoryItem(DateOnly Day, string Kind, string? Detail, string? Actor, string? Person);
