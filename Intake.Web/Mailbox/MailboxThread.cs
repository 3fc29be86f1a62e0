using Intake.Web.Cases;
using Intake.Web.Reporting;

namespace Intake.Web.Mailbox;

/// <summary>What the reporter sees in the mailbox, decrypted for this request only.</summary>
public sealed record MailboxThread(CaseRecord Case, string ChannelCode, IReadOnlyList<ThreadItem> Items)
{
    /// <summary>The items added for the reporter since they last opened the mailbox.</summary>
    public IReadOnlyList<ThreadItem> NewItems => [.. Items.Where(i => i.New)];
}

/// <summary>One item of the thread: the report, a message either way, or a system notice.</summary>
public sealed record ThreadItem(
    Guid EntryId,
    EntryKind Kind,
    DateOnly Date,
    ReportJson? Report,
    MessageJson? Message,
    IReadOnlyList<AttachmentView> Attachments,
    bool Unreadable,
    ReplyPurpose Purpose = ReplyPurpose.Message,
    bool New = false)
{
    /// <summary>The item's place in the reporter's own numbering (1, 2, 3 …), also its anchor on the page.</summary>
    public int Number { get; init; }
}

/// <summary>A file of an entry; <see cref="Described"/> is false for a stored file its sealed document does not list.</summary>
public sealed record AttachmentView(Guid Id, string Name, string Type, long Size, bool Described = true);
