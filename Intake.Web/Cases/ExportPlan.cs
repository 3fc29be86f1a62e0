namespace Intake.Web.Cases;

/// <summary>
/// What an export bundle holds, decided before anything is written: every sealed file of the case as stored,
/// the name it gets inside the ZIP, and the channel key version (and recipient) it is sealed to. Holds no
/// content and no original file name: those are inside the sealed files.
/// </summary>
public sealed record ExportPlan(
    CaseRecord Record,
    string ChannelCode,
    DateOnly ExportedOn,
    IReadOnlyList<ExportKey> Keys,
    IReadOnlyList<ExportEntry> Entries,
    ExportFile? Triage)
{
    public string BundleName => Record.CaseNumber + ".zip";

    public IEnumerable<ExportFile> Files =>
        Entries.Where(e => e.File is not null).Select(e => e.File!)
            .Concat(Entries.SelectMany(e => e.Attachments))
            .Concat(Triage is null ? [] : [Triage]);
}

/// <summary>A version of the channel key: its public recipient, in clear.</summary>
public sealed record ExportKey(int Version, string Recipient, DateOnly CreatedOn, DateOnly? RetiredOn);

/// <summary>One entry of the thread; <see cref="File"/> is null for system entries that carry no sealed content.</summary>
public sealed record ExportEntry(int Position, string Kind, DateOnly Date, bool ReadableByReporter, ExportFile? File, IReadOnlyList<ExportFile> Attachments);

/// <summary>
/// One sealed file. <see cref="StoredBytes"/> is set for content kept in the database; <see cref="StoredPath"/>
/// for an attachment file. <see cref="KeyVersion"/> is null when none of the handler's keys opens it.
/// </summary>
public sealed record ExportFile(string ZipName, long Length, int? KeyVersion, string? Recipient, bool AlsoToMailbox, byte[]? StoredBytes, string? StoredPath);
