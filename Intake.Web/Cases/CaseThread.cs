using Intake.Crypto.Age;
using Intake.Web.Mailbox;
using Intake.Web.Reporting;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Cases;

/// <summary>
/// Who reads a case's thread, and so what it holds: the handlers see every entry (internal notes too), every stored
/// file (undescribed ones marked) and who wrote what; the reporter's mailbox sees only the entries written for
/// them (never a note), only the files their documents describe, and no handler's name.
/// </summary>
public sealed record CaseThreadReader(bool Notes, bool EveryFile, bool Authors)
{
    /// <summary>The case page, the print view and the PDF.</summary>
    public static readonly CaseThreadReader Handlers = new(Notes: true, EveryFile: true, Authors: true);

    /// <summary>The reporter's mailbox.</summary>
    public static readonly CaseThreadReader Reporter = new(Notes: false, EveryFile: false, Authors: false);
}

/// <summary>
/// One entry of a case's thread, decrypted for one request: the report, a message either way, a note, or a system
/// notice, with its files; <see cref="Unreadable"/> when no key of the reader opens it.
/// </summary>
public sealed record CaseThreadEntry(
    Guid EntryId,
    EntryKind Kind,
    DateOnly Date,
    int Position,
    string? Author,
    ReportJson? Report,
    MessageJson? Message,
    IReadOnlyList<AttachmentView> Attachments,
    bool Unreadable,
    ReplyPurpose Purpose = ReplyPurpose.Message)
{
    /// <summary>The message's text, for entries that are messages or notes.</summary>
    public string? Text => Message?.Text;

    /// <summary>In the reporter's mailbox: a reply added since the reporter's last opening.</summary>
    public bool New { get; init; }

    /// <summary>In the reporter's mailbox: the item's place in their own numbering (1, 2, 3 …), also its anchor.</summary>
    public int Number { get; init; }
}

/// <summary>
/// The one read model of a case's thread, used by the case page, the print view, the PDF and the reporter's
/// mailbox: the same entries in the same order (their positions), each opened with the reader's identities
/// (<see cref="SealedEntry"/>), their differences only those of <see cref="CaseThreadReader"/>.
/// </summary>
public sealed class CaseThread(IntakeDbContext db)
{
    /// <summary>The stored entries the reader may see, in thread order, with their files; still sealed.</summary>
    public async Task<IReadOnlyList<CaseEntry>> EntriesAsync(Guid caseId, CaseThreadReader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return await db.CaseEntries.AsNoTracking().Include(e => e.Attachments)
            .Where(e => e.CaseId == caseId && (reader.Notes || e.ReadableByReporter))
            .OrderBy(e => e.Position).ToListAsync(cancellationToken);
    }

    /// <summary>The entries the reader may see, in thread order, each opened with the reader's identities.</summary>
    public async Task<IReadOnlyList<CaseThreadEntry>> ReadAsync(
        Guid caseId, IReadOnlyList<IIdentity> identities, CaseThreadReader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(identities);
        ArgumentNullException.ThrowIfNull(reader);
        var entries = await EntriesAsync(caseId, reader, cancellationToken);
        var names = reader.Authors
            ? await db.StaffUsers.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken)
            : null;
        return Open(entries, identities, reader, names);
    }

    /// <summary>Opens stored entries (from <see cref="EntriesAsync"/>) with the reader's identities, in their order.</summary>
    public IReadOnlyList<CaseThreadEntry> Open(
        IReadOnlyList<CaseEntry> entries, IReadOnlyList<IIdentity> identities, CaseThreadReader reader, IReadOnlyDictionary<Guid, string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(reader);
        return [.. entries.Select(entry =>
        {
            var opened = SealedEntry.Open(entry, identities, reader.EveryFile);
            var author = reader.Authors && names is not null && entry.AuthorId is { } id ? names.GetValueOrDefault(id) : null;
            return new CaseThreadEntry(
                entry.Id, entry.Kind, entry.CreatedOn, entry.Position, author, opened.Report, opened.Message, opened.Attachments, opened.Unreadable, entry.Purpose);
        })];
    }
}
