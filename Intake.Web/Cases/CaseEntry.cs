namespace Intake.Web.Cases;

public enum EntryKind
{
    /// <summary>The report itself: a JSON document of the answers (docs/report-format.md).</summary>
    Report = 0,

    /// <summary>A follow-up from the reporter through the mailbox.</summary>
    ReporterMessage = 1,

    /// <summary>A reply from a case handler, readable by the reporter.</summary>
    HandlerMessage = 2,

    /// <summary>A handler's internal note, sealed to the channel only.</summary>
    InternalNote = 3,

    /// <summary>The automatic confirmation that the report arrived: fixed text, not sealed.</summary>
    ReceiptConfirmation = 4,

    /// <summary>The reporter asked for a meeting (fixed text, not sealed).</summary>
    MeetingRequest = 5,
}

/// <summary>
/// One item in a case's thread. <see cref="Sealed"/> is an age file encrypted to the channel recipient and, when
/// the reporter may read it, also to the mailbox recipient. System entries carry no sealed content.
/// </summary>
public sealed class CaseEntry
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public EntryKind Kind { get; set; }

    public DateOnly CreatedOn { get; set; }

    /// <summary>Orders the thread within a day without keeping a time of day.</summary>
    public int Position { get; set; }

    public Guid? AuthorId { get; set; }

    public byte[]? Sealed { get; set; }

    public bool ReadableByReporter { get; set; }

    /// <summary>What a handler's reply also counts as (the legal acknowledgement, the feedback); a plain message otherwise.</summary>
    public ReplyPurpose Purpose { get; set; }

    public List<CaseAttachment> Attachments { get; } = [];
}

/// <summary>
/// An attachment: an age file in the data directory's <c>attachments</c> folder, sealed like its entry. Its
/// original name, type and size are inside the sealed entry, never in clear.
/// </summary>
public sealed class CaseAttachment
{
    public Guid Id { get; set; }

    public Guid EntryId { get; set; }

    /// <summary>Index of this file in the entry's sealed list of attachments.</summary>
    public int Index { get; set; }

    public string FileName { get; set; } = string.Empty;

    public long SealedLength { get; set; }
}
