using System.Globalization;
using System.Security.Cryptography;
using Intake.Crypto.Age;
using Intake.Web.Cases;
using Intake.Web.Channels;
using Intake.Web.Keys;
using Intake.Web.Notifications;
using Intake.Web.Reporting.Forms;
using Intake.Web.Reporting.Uploads;
using Intake.Web.Storage;
using Intake.Web.Storage.Engines;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Reporting;

/// <summary>
/// Commits a sealed report as a new case: the sealed report, the automatic receipt confirmation and any meeting
/// request in its thread, the staged attachments promoted to their final names, and the coarse codes in clear.
/// The handlers' notices are written to the outbox in the same transaction. Returns only after the transaction is
/// durably committed (SQLite WAL with synchronous=FULL).
/// </summary>
public sealed class ReportSubmission(
    IntakeDbContext db, UnitOfWork work, CaseCalendar calendar, CaseDeadlines deadlines, NoticeOutbox notices, StorageEngine engine)
{
    public Task<CaseRecord> CommitAsync(SealedSubmission submission, CancellationToken cancellationToken = default) =>
        CommitAsync(submission, null, cancellationToken);

    /// <param name="alsoRecord">What else the same unit of work records about the new case (an audit entry), or null.</param>
    public async Task<CaseRecord> CommitAsync(SealedSubmission submission, Action<CaseRecord>? alsoRecord, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var today = calendar.Today;
        var record = new CaseRecord
        {
            Id = Guid.NewGuid(),
            ChannelId = submission.Channel.Id,
            Year = today.Year,
            ReceivedOn = today,
            Status = CaseStatus.Received,
            SealedBy = submission.Mode,
            ChannelKeyVersion = submission.KeyVersion,
            MailboxLookupId = submission.MailboxVerifier,
            MailboxRecipient = submission.MailboxRecipient,
            AcknowledgementDeclined = submission.DeclineAcknowledgement,
            MeetingRequested = submission.WantsMeeting,
            Origin = submission.Origin,
            OrganisationUnit = submission.OrganisationUnit,
        };
        var kind = ChannelKinds.For(submission.Channel.Code);
        ApplyTriage(record, submission.Form, submission.Triage);
        ApplyKind(record, kind);
        deadlines.Apply(record, kind, []);
        var report = new CaseEntry
        {
            Id = Guid.NewGuid(),
            CaseId = record.Id,
            Kind = EntryKind.Report,
            CreatedOn = today,
            Position = 1,
            Sealed = submission.SealedReport,
            ReadableByReporter = true,
        };
        for (var i = 0; i < submission.Files.Count; i++)
        {
            var id = Guid.NewGuid();
            var name = submission.Files[i].Promote(id);
            report.Attachments.Add(new CaseAttachment { Id = id, EntryId = report.Id, Index = i, FileName = name, SealedLength = submission.Files[i].SealedLength });
        }

        record.Entries.Add(report);
        record.Entries.Add(new CaseEntry { Id = Guid.NewGuid(), CaseId = record.Id, Kind = EntryKind.ReceiptConfirmation, CreatedOn = today, Position = 2, ReadableByReporter = true });
        if (submission.WantsMeeting)
        {
            record.Entries.Add(new CaseEntry { Id = Guid.NewGuid(), CaseId = record.Id, Kind = EntryKind.MeetingRequest, CreatedOn = today, Position = 3, ReadableByReporter = true });
        }

        // Case numbers are allocated and committed one at a time across every node (StorageEngine.SerializeAsync).
        await using (var held = await engine.SerializeAsync(db, Allocation.CaseNumbers, cancellationToken))
        {
            // A browser makes the mailbox token, so a replayed or forged submission can carry a lookup id that is
            // already a case's: refused as such, never a second case behind one mailbox.
            if (await db.Cases.AnyAsync(c => c.MailboxLookupId == submission.MailboxVerifier, cancellationToken))
            {
                throw new MailboxTakenException();
            }

            var last = await db.Cases.Where(c => c.ChannelId == record.ChannelId && c.Year == record.Year)
                .MaxAsync(c => (int?)c.Sequence, cancellationToken) ?? 0;
            record.Sequence = last + 1;
            record.CaseNumber = string.Create(CultureInfo.InvariantCulture,
                $"{kind.CasePrefix}-{record.Year}-{record.Sequence:0000}");
            db.Cases.Add(record);
            await notices.ForChannelAsync(
                record.ChannelId, submission.Channel.Code == ChannelCodes.Threat ? NoticeKinds.NewThreatReport : NoticeKinds.NewReport, record.Id,
                cancellationToken: cancellationToken);
            alsoRecord?.Invoke(record);
            try
            {
                await work.SaveAsync(cancellationToken);
                await held.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (StorageErrors.IsUniqueViolation(ex))
            {
                db.ChangeTracker.Clear();
                throw new MailboxTakenException();
            }
        }

        foreach (var file in submission.Files)
        {
            file.Committed();
        }

        return record;
    }

    /// <summary>
    /// Seals the answers, with the descriptions of the already sealed files, as one JSON document to the channel
    /// and the mailbox, wipes the plaintext, and commits the case.
    /// </summary>
    public Task<CaseRecord> SealAndCommitAsync(ServerSealedReport report, CancellationToken cancellationToken = default) =>
        SealAndCommitAsync(report, null, cancellationToken);

    /// <param name="alsoRecord">What else the same unit of work records about the new case (an audit entry), or null.</param>
    public async Task<CaseRecord> SealAndCommitAsync(ServerSealedReport report, Action<CaseRecord>? alsoRecord, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var keys = report.Keys;
        var json = ReportDocument.Report(keys.Channel.Code, report.Language, report.Answers, report.Files.Select(f => f.Info).ToList());
        byte[] sealedReport;
        try
        {
            sealedReport = AgeFile.Encrypt(json, keys.Recipients);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(json);
        }

        return await CommitAsync(new SealedSubmission(
            keys.Channel, keys.KeyVersion, report.Form, report.Answers, sealedReport, report.Files, keys.Mailbox.Verifier,
            AgeKeys.Encode(keys.MailboxRecipient), SealingMode.Server,
            DeclineAcknowledgement: !report.Answers.Has(CommonFields.AllowAcknowledgement),
            WantsMeeting: report.Answers.Has(CommonFields.WantsMeeting),
            Origin: report.Origin,
            OrganisationUnit: report.OrganisationUnit), alsoRecord, cancellationToken);
    }

    /// <summary>
    /// What the channel kind derives from the clear codes at receipt: urgency from the incident types, the first
    /// contact when a reporter who gave their name asked for a call, and the Försäkringskassan report when someone
    /// was injured.
    /// </summary>
    public static void ApplyKind(CaseRecord record, ChannelKind kind)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(kind);
        var types = Codes(record.IncidentTypes);
        record.Urgent = kind.Has(CaseSections.Urgency) && types.Any(t => kind.UrgentIncidentTypes.Contains(t, StringComparer.Ordinal));
        if (kind.Has(CaseSections.StatutoryReports))
        {
            record.FirstContactRequested = record.IdentityMode is CommonFields.Named or CommonFields.Confidential
                && Codes(record.SupportWanted).Contains(ThreatForm.SupportCall);
            record.SocialInsuranceReportNeeded = Codes(record.Consequences).Contains(ThreatForm.Injury);
        }
    }

    private static string[] Codes(string? joined) => joined?.Split('|') ?? [];

    private static void ApplyTriage(CaseRecord record, ReportForm form, FormAnswers answers)
    {
        foreach (var field in form.Fields.Where(f => f.Triage != TriageColumn.None))
        {
            var values = answers.GetAll(field.Name).Where(v => field.Choices.Any(o => o.Code == v)).ToList();
            var joined = values.Count == 0 ? null : string.Join('|', values);
            switch (field.Triage)
            {
                case TriageColumn.Category: record.Category = joined; break;
                case TriageColumn.ReporterRole: record.ReporterRole = joined; break;
                case TriageColumn.IncidentTypes: record.IncidentTypes = joined; break;
                case TriageColumn.IncidentPlace: record.IncidentPlace = joined; break;
                case TriageColumn.ContactChannels: record.ContactChannels = joined; break;
                case TriageColumn.PoliceReported: record.PoliceReported = joined is null ? null : joined == "yes"; break;
                case TriageColumn.Consequences: record.Consequences = joined; break;
                case TriageColumn.SupportWanted: record.SupportWanted = joined; break;
                case TriageColumn.IdentityMode: record.IdentityMode = joined; break;
            }
        }
    }
}

/// <summary>A report the server seals: the answers in clear for this request only, files already sealed.</summary>
public sealed record ServerSealedReport(
    ServerSealingKeys Keys,
    ReportForm Form,
    FormAnswers Answers,
    string Language,
    IReadOnlyList<StagedFile> Files,
    CaseOrigin Origin = CaseOrigin.Online,
    string? OrganisationUnit = null);

/// <summary>Everything a submission commits, already sealed.</summary>
public sealed record SealedSubmission(
    Channel Channel,
    int KeyVersion,
    ReportForm Form,
    FormAnswers Triage,
    byte[] SealedReport,
    IReadOnlyList<StagedFile> Files,
    byte[] MailboxVerifier,
    string MailboxRecipient,
    SealingMode Mode,
    bool DeclineAcknowledgement,
    bool WantsMeeting,
    CaseOrigin Origin = CaseOrigin.Online,
    string? OrganisationUnit = null);

/// <summary>The submission's mailbox lookup id is already a case's: nothing was committed.</summary>
public sealed class MailboxTakenException : Exception
{
    public MailboxTakenException()
        : base("The mailbox lookup id is already in use.")
    {
    }

    public MailboxTakenException(string message)
        : base(message)
    {
    }

    public MailboxTakenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
