using System.Security.Cryptography;
using Intake.Crypto.Age;
using Intake.Web.Keys;
using Intake.Web.Reporting;
using Intake.Web.Reporting.Uploads;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Cases;

/// <summary>
/// A case handler's additions to a case: replies, sealed to the channel and to the reporter's mailbox, and
/// internal notes, sealed to the channel only. The handler must hold the channel's key in their session.
/// Attachments arrive already sealed (streamed through <see cref="CaseUploads"/>) to the recipients that
/// <see cref="RecipientsAsync"/> gave for the same entry; the message names them and they are promoted with it.
/// </summary>
public sealed class CaseMessages(IntakeDbContext db, ChannelKeys channelKeys, CaseCalendar calendar)
{
    /// <summary>A reply with files sealed to <paramref name="recipients"/> (the channel's current recipient and the mailbox).</summary>
    public async Task<CaseEntry> ReplyAsync(
        Guid caseId, UnlockedKeyring handler, string text, ReplyPurpose purpose, IReadOnlyList<StagedFile> files, IReadOnlyCollection<IRecipient> recipients,
        CancellationToken cancellationToken = default)
    {
        var entry = await AddAsync(caseId, handler, text, EntryKind.HandlerMessage, files, recipients, cancellationToken);
        entry.Purpose = purpose;
        return entry;
    }

    /// <summary>A note with files sealed to <paramref name="recipients"/> (the channel's current recipient only).</summary>
    public Task<CaseEntry> NoteAsync(
        Guid caseId, UnlockedKeyring handler, string text, IReadOnlyList<StagedFile> files, IReadOnlyCollection<IRecipient> recipients, CancellationToken cancellationToken = default) =>
        AddAsync(caseId, handler, text, EntryKind.InternalNote, files, recipients, cancellationToken);

    /// <summary>
    /// Who an entry of a case is sealed to: the channel's current recipient, and the mailbox for a reply (with the
    /// channel's recipient of the mailbox's kind, <see cref="ChannelKeys.RecipientForMailboxAsync"/>).
    /// </summary>
    public async Task<IReadOnlyCollection<IRecipient>> RecipientsAsync(CaseRecord record, bool toReporter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!toReporter)
        {
            return [AgeKeys.ParseRecipient(await channelKeys.CurrentRecipientAsync(record.ChannelId, cancellationToken))];
        }

        var channelRecipient = await channelKeys.RecipientForMailboxAsync(record.ChannelId, record.MailboxRecipient, cancellationToken);
        return [AgeKeys.ParseRecipient(channelRecipient), AgeKeys.ParseRecipient(record.MailboxRecipient)];
    }

    private async Task<CaseEntry> AddAsync(
        Guid caseId, UnlockedKeyring handler, string text, EntryKind kind, IReadOnlyList<StagedFile> files, IReadOnlyCollection<IRecipient>? recipients,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var record = await db.Cases.SingleAsync(c => c.Id == caseId, cancellationToken);
        if (!handler.HoldsChannel(record.ChannelId))
        {
            throw new KeyOperationException(KeyOperationError.NotAMember);
        }

        var toReporter = kind == EntryKind.HandlerMessage;
        recipients ??= await RecipientsAsync(record, toReporter, cancellationToken);
        var json = ReportDocument.Message(text, files.Select(f => f.Info).ToList());
        var entry = new CaseEntry
        {
            Id = Guid.NewGuid(),
            CaseId = caseId,
            Kind = kind,
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

        for (var i = 0; i < files.Count; i++)
        {
            var id = Guid.NewGuid();
            var name = files[i].Promote(id);
            entry.Attachments.Add(new CaseAttachment { Id = id, EntryId = entry.Id, Index = i, FileName = name, SealedLength = files[i].SealedLength });
        }

        // Added to the caller's unit of work, which gives it its position as it saves (UnitOfWork.SaveAsync(entry)):
        // the entry, the case's new dates and the audit entry commit together. The files are the caller's to mark
        // committed once that save succeeded.
        db.CaseEntries.Add(entry);
        return entry;
    }
}
