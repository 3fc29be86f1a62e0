using Intake.Web.Cases;

namespace Intake.Web.Mailbox;

/// <summary>What the reporter sees in the mailbox, decrypted for this request only.</summary>
public sealed record MailboxThread(CaseRecord Case, string ChannelCode, IReadOnlyList<CaseThreadEntry> Items)
{
    /// <summary>The items added for the reporter since they last opened the mailbox.</summary>
    public IReadOnlyList<CaseThreadEntry> NewItems => [.. Items.Where(i => i.New)];
}

/// <summary>A file of an entry; <see cref="Described"/> is false for a stored file its sealed document does not list.</summary>
public sealed record AttachmentView(Guid Id, string Name, string Type, long Size, bool Described = true);
