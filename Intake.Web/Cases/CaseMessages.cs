using System.Security.Cryptography;
using Intake.Crypto.Age;
using Intake.Web.Keys;
using Intake.Web.Reporting;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Cases;

/// <summary>
/// A case handler's additions to a case: replies, sealed to the channel and to the reporter's mailbox, and
/// internal notes, sealed to the channel only. The handler must hold the channel's key in their session.
/// </summary>
public sealed class CaseMessages(IntakeDbContext db, ChannelKeys channelKeys, CaseCalendar calendar)
{
    public Task<CaseEntry> ReplyAsync(Guid caseId, UnlockedKeyring handler, string text, CancellationToken cancellationToken = default) =>
        AddAsync(caseId, handler, text, EntryKind.HandlerMessage, cancellationToken);

    public Task<CaseEntry> NoteAsync(Guid caseId, UnlockedKeyring handler, string text, CancellationToken cancellationToken = default) =>
        AddAsync(caseId, handler, text, EntryKind.InternalNote, cancellationToken);

    private async Task<CaseEntry> AddAsync(Guid caseId, UnlockedKeyring handler, string text, EntryKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var record = await db.Cases.SingleAsync(c => c.Id == caseId, cancellationToken);
        if (!handler.HoldsChannel(record.ChannelId))
        {
            throw new KeyOperationException(KeyOperationError.NotAMember);
        }

        var channelRecipient = await channelKeys.CurrentRecipientAsync(record.ChannelId, cancellationToken);
        var toReporter = kind == EntryKind.HandlerMessage;
        IReadOnlyCollection<IRecipient> recipients = toReporter
            ? [X25519Recipient.Parse(channelRecipient), X25519Recipient.Parse(record.MailboxRecipient)]
            : [X25519Recipient.Parse(channelRecipient)];
        var json = ReportDocument.Message(text, []);
        var position = (await db.CaseEntries.Where(e => e.CaseId == caseId).MaxAsync(e => (int?)e.Position, cancellationToken) ?? 0) + 1;
        var entry = new CaseEntry
        {
            Id = Guid.NewGuid(),
            CaseId = caseId,
            Kind = kind,
            Position = position,
            AuthorId = handler.UserId,
            CreatedOn = calendar.Today,
            ReadableByReporter = toReporter,
        };
        try
        {
            entry.Sealed = AgeFile.Encrypt(json, recipients);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(json);
        }

        db.CaseEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return entry;
    }
}
