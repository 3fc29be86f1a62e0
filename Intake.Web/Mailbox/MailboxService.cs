using System.Security.Cryptography;
using Intake.Crypto.Age;
using Intake.Crypto.Mailbox;
using Intake.Web.Cases;
using Intake.Web.Hosting;
using Intake.Web.Keys;
using Intake.Web.Notifications;
using Intake.Web.Reporting;
using Intake.Web.Reporting.Uploads;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Mailbox;

/// <summary>
/// The reporter's side of a case, opened with the mailbox keys derived from the token: the thread, attachments,
/// follow-up messages and meeting requests. Everything new is sealed to the channel's current recipient and to
/// the mailbox recipient before it is written.
/// </summary>
public sealed class MailboxService(
    IntakeDbContext db, ChannelKeys channelKeys, DataDirectory data, MultipartUploadReader reader, CaseCalendar calendar, NoticeOutbox notices, CaseThread thread)
{
    public const string FileField = "attachments";

    /// <summary>
    /// The case of a token's mailbox, or null. The keys come from the token itself (the server-side mailbox), so a
    /// case from before the authenticator is moved to its verifier here: the token proves the lookup id is its own.
    /// </summary>
    public async Task<CaseRecord?> FindAsync(MailboxKeys keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var record = await FindByVerifierAsync(keys.Verifier, cancellationToken);
        if (record is not null)
        {
            return record;
        }

        var legacy = await FindLegacyAsync(keys.LookupId, cancellationToken);
        if (legacy is null)
        {
            return null;
        }

        await MoveToVerifierAsync(legacy.Id, keys.Verifier, cancellationToken);
        return await FindByVerifierAsync(keys.Verifier, cancellationToken);
    }

    /// <summary>The case whose stored verifier is SHA-256 of the presented authenticator (the mailbox API), or null.</summary>
    public Task<CaseRecord?> FindByAuthenticatorAsync(byte[] authenticator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(authenticator);
        return FindByVerifierAsync(MailboxKeys.VerifierOf(authenticator), cancellationToken);
    }

    /// <summary>A case from before the authenticator, still found by its v1 lookup id, or null.</summary>
    public async Task<CaseRecord?> FindLegacyAsync(byte[] lookupId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lookupId);
        var record = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.MailboxLookupId == lookupId && c.MailboxLegacy, cancellationToken);
        return record is not null && CryptographicOperations.FixedTimeEquals(record.MailboxLookupId, lookupId) ? record : null;
    }

    /// <summary>Replaces a legacy case's lookup id by the verifier, once the request proved it holds the mailbox.</summary>
    public async Task MoveToVerifierAsync(Guid caseId, byte[] verifier, CancellationToken cancellationToken = default)
    {
        var record = await db.Cases.SingleAsync(c => c.Id == caseId && c.MailboxLegacy, cancellationToken);
        record.MailboxLookupId = verifier;
        record.MailboxLegacy = false;
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<CaseRecord?> FindByVerifierAsync(byte[] verifier, CancellationToken cancellationToken)
    {
        var record = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.MailboxLookupId == verifier && !c.MailboxLegacy, cancellationToken);

        // The index finds the row; the value is compared in constant time.
        return record is not null && CryptographicOperations.FixedTimeEquals(record.MailboxLookupId, verifier) ? record : null;
    }

    /// <summary>
    /// The thread, decrypted; replies after <paramref name="seenBefore"/> (the position the reporter had seen when this
    /// visit began, <see cref="CaseRecord.ReporterSeenPosition"/>) are marked new, and the thread counts as seen.
    /// </summary>
    public async Task<MailboxThread?> OpenAsync(MailboxKeys keys, int seenBefore, CancellationToken cancellationToken = default)
    {
        var record = await FindAsync(keys, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var channelCode = await db.Channels.Where(c => c.Id == record.ChannelId).Select(c => c.Code).SingleAsync(cancellationToken);
        var entries = await thread.EntriesAsync(record.Id, CaseThreadReader.Reporter, cancellationToken);
        var items = thread.Open(entries, keys.Identities, CaseThreadReader.Reporter)
            .Select((e, i) => e with { New = IsNew(entries[i], seenBefore), Number = i + 1 }).ToList();
        await SeenAsync(record, entries, cancellationToken);
        return new MailboxThread(record, channelCode, items);
    }

    /// <summary>A reply the reporter had not seen when this visit began: only what others wrote counts as new.</summary>
    internal static bool IsNew(CaseEntry entry, int seenBefore) => entry.Kind == EntryKind.HandlerMessage && entry.Position > seenBefore;

    /// <summary>The reporter has seen the thread up to its last entry: only that position is kept, never when.</summary>
    internal async Task SeenAsync(CaseRecord record, IReadOnlyList<CaseEntry> readable, CancellationToken cancellationToken)
    {
        var last = readable.Count == 0 ? 0 : readable.Max(e => e.Position);
        if (last > record.ReporterSeenPosition)
        {
            await db.Cases.Where(c => c.Id == record.Id && c.ReporterSeenPosition < last)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReporterSeenPosition, last), cancellationToken);
        }
    }

    /// <summary>Streams a decrypted attachment of this mailbox's case, or returns null if it is not one of them.</summary>
    public async Task<(Stream Content, AttachmentView Info)?> OpenAttachmentAsync(MailboxKeys keys, Guid attachmentId, CancellationToken cancellationToken = default)
    {
        var record = await FindAsync(keys, cancellationToken);
        if (record is null)
        {
            return null;
        }

        // Only the entry that holds the file is opened, for its name, type and size; not the whole thread.
        var entry = await db.CaseEntries.AsNoTracking().Include(e => e.Attachments)
            .SingleOrDefaultAsync(e => e.CaseId == record.Id && e.ReadableByReporter && e.Attachments.Any(a => a.Id == attachmentId), cancellationToken);
        var info = entry is null ? null : SealedEntry.Open(entry, keys.Identities).Attachments.FirstOrDefault(a => a.Id == attachmentId);
        if (entry is null || info is null)
        {
            return null;
        }

        var fileName = entry.Attachments.Single(a => a.Id == attachmentId).FileName;
        var file = File.OpenRead(Path.Combine(data.Attachments, fileName));
        return (AgeFile.OpenRead(file, keys.Identities), info);
    }

    /// <summary>Reads a multipart follow-up (text and files), seals it and adds it to the thread.</summary>
    public async Task<FollowUpResult> AddMessageAsync(HttpContext context, MailboxKeys keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = await FindAsync(keys, cancellationToken);
        if (found is null)
        {
            return new FollowUpResult(false, string.Empty, "Mailbox.Error.NotFound", [], [], false);
        }

        var record = await db.Cases.SingleAsync(c => c.Id == found.Id, cancellationToken);
        IReadOnlyCollection<IRecipient> recipients = [AgeKeys.ParseRecipient(await channelKeys.RecipientForMailboxAsync(record.ChannelId, record.MailboxRecipient, cancellationToken)), AgeKeys.ParseRecipient(record.MailboxRecipient)];
        using var upload = await reader.ReadAsync(context, _ => new ServerFileSealer(recipients), data.Attachments, [FileField], record.Id, cancellationToken);
        var text = upload.Fields.Get("message").Trim();
        if (upload.AntiforgeryFailed || upload.Refused.Count > 0 || upload.TextTooLarge || (text.Length == 0 && upload.Files.Count == 0) || text.Length > 20000)
        {
            var problem = text.Length == 0 && upload.Files.Count == 0 ? "Mailbox.Error.EmptyMessage" : text.Length > 20000 ? "Report.Error.TooLong" : null;
            return new FollowUpResult(false, upload.Fields.Get("message"), problem, upload.Refused,
                Reporting.Errors.FormErrors.ToChooseAgain(upload.Files.Select(f => f.Info.Name), upload.Refused), upload.AntiforgeryFailed);
        }

        var json = ReportDocument.Message(text, upload.Files.Select(f => f.Info).ToList());
        var entry = NewEntry(record.Id, EntryKind.ReporterMessage);
        try
        {
            entry.Sealed = AgeFile.Encrypt(json, recipients);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(json);
        }

        for (var i = 0; i < upload.Files.Count; i++)
        {
            var id = Guid.NewGuid();
            var name = upload.Files[i].Promote(id);
            entry.Attachments.Add(new CaseAttachment { Id = id, EntryId = entry.Id, Index = i, FileName = name, SealedLength = upload.Files[i].SealedLength });
        }

        record.UnreadReporterMessages++;
        await NotifyHandlersAsync(record, NoticeKinds.ReporterMessage, cancellationToken);
        await CaseEntryPositions.AddAndSaveAsync(db, entry, cancellationToken);
        upload.Committed();
        return new FollowUpResult(true, string.Empty, null, [], [], false);
    }

    public async Task RequestMeetingAsync(MailboxKeys keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (await FindAsync(keys, cancellationToken) is { } found)
        {
            await RequestMeetingAsync(found.Id, cancellationToken);
        }
    }

    /// <summary>A meeting request on a case the caller already found with the mailbox's authenticator.</summary>
    public async Task RequestMeetingAsync(Guid caseId, CancellationToken cancellationToken = default)
    {
        var record = await db.Cases.SingleAsync(c => c.Id == caseId, cancellationToken);
        record.MeetingRequested = true;
        record.UnreadReporterMessages++;
        await NotifyHandlersAsync(record, NoticeKinds.MeetingRequest, cancellationToken);
        await CaseEntryPositions.AddAndSaveAsync(db, NewEntry(record.Id, EntryKind.MeetingRequest), cancellationToken);
    }

    /// <summary>Writes the channel handlers' notices into this context, to be saved with the entry.</summary>
    internal Task NotifyHandlersAsync(CaseRecord record, string kind, CancellationToken cancellationToken) =>
        notices.ForChannelAsync(record.ChannelId, kind, record.Id, cancellationToken: cancellationToken);

    /// <summary>A new entry the reporter can read; its position is given when it is saved (<see cref="CaseEntryPositions"/>).</summary>
    internal CaseEntry NewEntry(Guid caseId, EntryKind kind) => new()
    {
        Id = Guid.NewGuid(),
        CaseId = caseId,
        Kind = kind,
        ReadableByReporter = true,
        CreatedOn = calendar.Today,
    };
}

public sealed record FollowUpResult(
    bool Sent, string Text, string? ProblemKey, IReadOnlyList<(string Name, string MessageKey)> RefusedFiles, IReadOnlyList<string> FilesToChooseAgain, bool FormExpired)
{
    /// <summary>The problems in the shape both modes show.</summary>
    public IReadOnlyList<Reporting.Errors.FormError> Errors =>
        Reporting.Errors.FormErrors.Of(ProblemKey is null ? [] : [new Reporting.Forms.FieldProblem("message", ProblemKey)], RefusedFiles, FormExpired);
}
