using Intake.Web.Cases;
using Intake.Web.Reporting;

namespace Intake.Web.Mailbox;

/// <summary>What the reporter sees in the mailbox, decrypted for this request only.</summary>
public sealed record MailboxThread(CaseRecord Case, string ChannelCode, IReadOnlyList<ThreadItem> Items);

/// <summary>One item of the thread: the report, a message either way, or a system notice.</summary>
public sealed record ThreadItem(
    Guid EntryId,
    EntryKind Kind,
    DateOnly Date,
    ReportJson? Report,
    MessageJson? Message,
    IReadOnlyList<AttachmentView> Attachments,
    bool Unreadable,
    ReplyPurpose Purpose = ReplyPurpose.Message);

/// <summary>A file of an entry; <see cref="Described"/> is false for a stored file its sealed document does not list.</summary>
public sealed record AttachmentView(Guid Id, string Name, string Type, long Size, bool Described = true);
