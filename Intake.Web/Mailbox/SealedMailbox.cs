using System.Globalization;
using System.Text.Json;
using Intake.Crypto.Age;
using Intake.Web.Cases;
using Intake.Web.Hosting;
using Intake.Web.Keys;
using Intake.Web.Reporting.Uploads;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Mailbox;

/// <summary>
/// The mailbox as the reporter's browser sees it with JavaScript (docs/report-format.md, "The mailbox with
/// JavaScript"): the thread and attachments as ciphertext, opened in the browser with the keys derived from the
/// token, and follow-ups the browser already sealed. The server never holds a key to any of it here.
/// </summary>
public sealed class SealedMailbox(IntakeDbContext db, ChannelKeys channelKeys, DataDirectory data, MultipartUploadReader reader, MailboxService mailboxes, CaseThread thread)
{
    public const string SealedMessageField = "sealedMessage";
    public const string SealedAttachmentsField = "sealedAttachments";

    /// <summary>A sealed message document is small (at most 20,000 characters of text and a list of files).</summary>
    private const long MaxSealedMessageBytes = 2 * 1024 * 1024;

    public async Task<MailboxThreadJson> ThreadAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var channelCode = await db.Channels.Where(c => c.Id == record.ChannelId).Select(c => c.Code).SingleAsync(cancellationToken);
        var recipient = await channelKeys.RecipientForMailboxAsync(record.ChannelId, record.MailboxRecipient, cancellationToken);
        var entries = await thread.EntriesAsync(record.Id, CaseThreadReader.Reporter, cancellationToken);
        // Replies since the last opening are marked new; the script keeps the marks for the rest of its visit.
        var seenBefore = record.ReporterSeenPosition;
        await mailboxes.SeenAsync(record, entries, cancellationToken);
        return new MailboxThreadJson(
            record.CaseNumber,
            Day(record.ReceivedOn),
            Code(record.Status.ToString()),
            channelCode,
            recipient,
            record.MeetingRequested,
            record.Status == CaseStatus.Closed ? record.Outcome : null,
            // The reporter's own numbering (1, 2, 3 …): a gap in the case's positions would tell how many internal
            // notes there are and when they were written.
            [.. entries.Select((e, i) => new MailboxEntryJson(
                e.Id,
                Code(e.Kind.ToString()),
                Day(e.CreatedOn),
                i + 1,
                Code(e.Purpose.ToString()),
                MailboxService.IsNew(e, seenBefore),
                e.Sealed is null ? null : Convert.ToBase64String(e.Sealed),
                [.. e.Attachments.OrderBy(a => a.Index).Select(a => new MailboxAttachmentJson(a.Id, a.Index, a.SealedLength))]))]);
    }

    /// <summary>The age file of an attachment of this case that the reporter may read, or null.</summary>
    public async Task<Stream?> OpenAttachmentAsync(CaseRecord record, Guid attachmentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var fileName = await db.CaseAttachments
            .Where(a => a.Id == attachmentId)
            .Join(db.CaseEntries.Where(e => e.CaseId == record.Id && e.ReadableByReporter), a => a.EntryId, e => e.Id, (a, _) => a.FileName)
            .SingleOrDefaultAsync(cancellationToken);
        var path = fileName is null ? null : Path.Combine(data.Attachments, fileName);
        return path is not null && File.Exists(path) ? File.OpenRead(path) : null;
    }

    /// <summary>
    /// Reads a follow-up the browser sealed (one sealed message document and its sealed files, each a binary age
    /// file for the two recipients of the case's kind) and adds it to the thread as it came. Nothing is kept when it is refused.
    /// </summary>
    public async Task<SealedFollowUpResult> AddMessageAsync(HttpContext context, CaseRecord found, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(found);
        using var upload = await reader.ReadAsync(
            context, _ => new BrowserFileSealer(AgeKeys.IsPostQuantumRecipient(found.MailboxRecipient)), data.Attachments, [SealedMessageField, SealedAttachmentsField], found.Id, cancellationToken);
        if (upload.AntiforgeryFailed || upload.TextTooLarge)
        {
            // No file was taken: only why, not each file's refusal.
            return new SealedFollowUpResult([new(null, upload.AntiforgeryFailed ? "Report.Error.Expired" : "Report.Error.TextTooLarge")]);
        }

        var problems = new List<SealedFollowUpProblem>();

        var attachments = upload.Files.Where(f => f.Field == SealedAttachmentsField).ToList();
        foreach (var (name, key) in upload.Refused.Where(r => r.Name != MessageFileName))
        {
            problems.Add(new(AttachmentIndex(name), key));
        }

        var messages = upload.Files.Where(f => f.Field == SealedMessageField).ToList();
        // The declared count is checked once every file was taken: a refused file has its own message.
        if (messages.Count != 1 || messages[0].Info.Size > MaxSealedMessageBytes
            || (problems.Count == 0 && Reporting.BrowserSealedFields.DeclaredCount(upload.Fields) != attachments.Count))
        {
            problems.Add(new(null, "Mailbox.Error.Sealed"));
        }

        if (problems.Count > 0)
        {
            return new SealedFollowUpResult(problems.DistinctBy(p => (p.Index, p.MessageKey)).ToList());
        }

        var record = await db.Cases.SingleAsync(c => c.Id == found.Id, cancellationToken);
        var entry = mailboxes.NewEntry(record.Id, EntryKind.ReporterMessage);
        entry.Sealed = await File.ReadAllBytesAsync(messages[0].TempPath, cancellationToken);
        for (var i = 0; i < attachments.Count; i++)
        {
            var id = Guid.NewGuid();
            var name = attachments[i].Promote(id);
            entry.Attachments.Add(new CaseAttachment { Id = id, EntryId = entry.Id, Index = i, FileName = name, SealedLength = attachments[i].SealedLength });
        }

        record.UnreadReporterMessages++;
        await mailboxes.NotifyHandlersAsync(record, Notifications.NoticeKinds.ReporterMessage, cancellationToken);
        await CaseEntryPositions.AddAndSaveAsync(db, entry, cancellationToken);
        upload.Committed();
        return new SealedFollowUpResult([]);
    }

    /// <summary>The file name the page's script gives the sealed message part.</summary>
    public const string MessageFileName = Reporting.Errors.SealedFileNames.Message;

    /// <summary>The script names the n-th sealed attachment "n.age", so a refusal can point at the file chosen.</summary>
    private static int? AttachmentIndex(string name) => Reporting.Errors.SealedFileNames.IndexOf(name);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Code(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}

public sealed record MailboxThreadJson(
    string CaseNumber, string ReceivedOn, string Status, string Channel, string ChannelRecipient, bool MeetingRequested, string? Outcome,
    IReadOnlyList<MailboxEntryJson> Entries);

/// <summary>
/// One readable thread entry; <see cref="Number"/> counts only the entries the reporter sees, <see cref="Sealed"/> is
/// the base64 age file, null for system entries.
/// </summary>
public sealed record MailboxEntryJson(Guid Id, string Kind, string Date, int Number, string Purpose, bool New, string? Sealed, IReadOnlyList<MailboxAttachmentJson> Attachments);

/// <summary>An attachment: its index in the sealed document's list and the size of its age file.</summary>
public sealed record MailboxAttachmentJson(Guid Id, int Index, long SealedSize);

/// <summary>Why a sealed follow-up was refused: a message key, and the attachment it concerns when one does.</summary>
public sealed record SealedFollowUpProblem(int? Index, string MessageKey);

public sealed record SealedFollowUpResult(IReadOnlyList<SealedFollowUpProblem> Problems)
{
    public bool Sent => Problems.Count == 0;
}
