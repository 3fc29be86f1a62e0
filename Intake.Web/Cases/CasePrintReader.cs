using Intake.Crypto.Age;
using Intake.Web.Audit;
using Intake.Web.Keys;
using Intake.Web.Reporting;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Cases;

/// <summary>
/// Decrypts a whole case with the handler's channel keys, for this request only: the thread with its documents,
/// authors and attachment descriptions, the sealed triage and measures, and the case's history from the audit log.
/// </summary>
public sealed class CasePrintReader(IntakeDbContext db, CaseCalendar calendar, CaseTriage triage, CaseMeasures measures, CaseSchedule schedule)
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
        var entries = await db.CaseEntries.AsNoTracking().Include(e => e.Attachments)
            .Where(e => e.CaseId == record.Id).OrderBy(e => e.Position).ToListAsync(cancellationToken);
        var names = await db.StaffUsers.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var items = entries.Select(e => Decrypt(e, identities, e.AuthorId is { } a ? names.GetValueOrDefault(a) : null)).ToList();
        var history = await db.AuditEntries.AsNoTracking()
            .Where(e => e.SubjectId == record.Id && HistoryKinds.Contains(e.Kind))
            .OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var measureViews = measures.Open(await schedule.MeasuresAsync(record.Id, cancellationToken), keyring, record.ChannelId);
        return new CaseReadout(record, channelCode, items, triage.Open(record, keyring), measureViews, history
            .Select(h => new HistoryItem(calendar.DayOf(h.OccurredAt), h.Kind, h.Detail, h.ActorId is { } a ? names.GetValueOrDefault(a) : null,
                Audit.AuditWords.PersonIn(h.Detail) is { } p ? names.GetValueOrDefault(p) : null))
            .ToList());
    }

    private static ReadItem Decrypt(CaseEntry entry, IReadOnlyList<IIdentity> identities, string? author)
    {
        var opened = SealedEntry.Open(entry, identities, everyFile: true);
        return new ReadItem(entry, author, opened.Report, opened.Message, opened.Attachments, opened.Unreadable);
    }
}

/// <summary>A case decrypted for one request.</summary>
public sealed record CaseReadout(
    CaseRecord Record, string ChannelCode, IReadOnlyList<ReadItem> Items, TriageSecrets Triage, IReadOnlyList<MeasureView> Measures, IReadOnlyList<HistoryItem> History)
{
    public Channels.ChannelKind Kind => Channels.ChannelKinds.For(ChannelCode);
}

/// <summary>One decrypted entry of the thread; <see cref="Unreadable"/> when no key of the handler opens it.</summary>
public sealed record ReadItem(CaseEntry Entry, string? Author, ReportJson? Report, MessageJson? Message, IReadOnlyList<Mailbox.AttachmentView> Attachments, bool Unreadable);

/// <summary>A recorded event of the case, by Swedish calendar day.</summary>
public sealed record HistoryItem(DateOnly Day, string Kind, string? Detail, string? Actor, string? Person);
