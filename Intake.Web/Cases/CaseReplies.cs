using System.Globalization;
using Intake.Crypto.Age;
using Intake.Web.Audit;
using Intake.Web.Keys;
using Intake.Web.Reporting.Uploads;

namespace Intake.Web.Cases;

/// <summary>What a reply to the reporter also records: nothing, the legal acknowledgement, or the feedback.</summary>
public enum ReplyPurpose
{
    Message = 0,
    Acknowledgement = 1,
    Feedback = 2,
}

/// <summary>
/// A handler writes in a case: replies to the reporter (sealed to the channel and the mailbox), which may count as
/// the acknowledgement of receipt or the feedback the law requires, and internal notes (sealed to the channel
/// only). Either may carry files, streamed and sealed by <see cref="CaseUploads"/> to the same recipients as the
/// entry. Each is audited with the kind of reply and the number of files, never the text or the file names.
/// </summary>
public sealed class CaseReplies(CaseMessages messages, CaseSchedule schedule, CaseCalendar calendar, AuditLog audit, Storage.UnitOfWork work)
{
    public const int MaxLength = 20000;

    public Task ReplyAsync(CaseRecord record, UnlockedKeyring keyring, string text, ReplyPurpose purpose, CancellationToken cancellationToken = default) =>
        ReplyAsync(record, keyring, text, purpose, [], null, cancellationToken);

    /// <summary>A reply with files already sealed to <paramref name="recipients"/> (<see cref="CaseMessages.RecipientsAsync"/>).</summary>
    public async Task ReplyAsync(
        CaseRecord record, UnlockedKeyring keyring, string text, ReplyPurpose purpose, IReadOnlyList<StagedFile> files, IReadOnlyCollection<IRecipient>? recipients,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(keyring);
        var today = calendar.Today;
        if (purpose == ReplyPurpose.Acknowledgement)
        {
            record.AcknowledgedOn ??= today;
            SetStatusUnlessClosed(record, CaseStatus.Acknowledged);
        }
        else if (purpose == ReplyPurpose.Feedback)
        {
            record.FeedbackGivenOn ??= today;
            SetStatusUnlessClosed(record, CaseStatus.FeedbackGiven);
        }

        await schedule.RefreshAsync(record, cancellationToken);
        // The record is tracked by the same context: the message and the new dates are saved together.
        recipients ??= await messages.RecipientsAsync(record, toReporter: true, cancellationToken);
        var entry = await messages.ReplyAsync(record.Id, keyring, text.Trim(), purpose, files, recipients, cancellationToken);
        audit.Record(AuditKinds.CaseReplied, keyring.UserId, record.Id, record.ChannelId, WithFiles(purpose.ToString(), files.Count));
        await work.SaveAsync(entry, cancellationToken);
        Committed(files);
    }

    public Task NoteAsync(CaseRecord record, UnlockedKeyring keyring, string text, CancellationToken cancellationToken = default) =>
        NoteAsync(record, keyring, text, [], null, cancellationToken);

    /// <summary>A note with files already sealed to <paramref name="recipients"/> (the channel only).</summary>
    public async Task NoteAsync(
        CaseRecord record, UnlockedKeyring keyring, string text, IReadOnlyList<StagedFile> files, IReadOnlyCollection<IRecipient>? recipients,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(keyring);
        ArgumentNullException.ThrowIfNull(files);
        recipients ??= await messages.RecipientsAsync(record, toReporter: false, cancellationToken);
        var entry = await messages.NoteAsync(record.Id, keyring, text.Trim(), files, recipients, cancellationToken);
        audit.Record(AuditKinds.CaseNoted, keyring.UserId, record.Id, record.ChannelId, WithFiles(null, files.Count));
        await work.SaveAsync(entry, cancellationToken);
        Committed(files);
    }

    /// <summary>The audit detail of an entry with files: the kind, if any, and how many files (never their names).</summary>
    public static string? WithFiles(string? detail, int files) => files == 0
        ? detail
        : string.Create(CultureInfo.InvariantCulture, $"{(detail is null ? string.Empty : detail + " ")}files={files}");

    /// <summary>The entry that references the files is saved: they stay.</summary>
    private static void Committed(IReadOnlyList<StagedFile> files)
    {
        foreach (var file in files)
        {
            file.Committed();
        }
    }

    private static void SetStatusUnlessClosed(CaseRecord record, CaseStatus status)
    {
        if (record.Status != CaseStatus.Closed)
        {
            record.Status = status;
        }
    }
}
