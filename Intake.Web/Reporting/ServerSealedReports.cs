using System.Security.Cryptography;
using Intake.Crypto.Age;
using Intake.Crypto.Mailbox;
using Intake.Web.Cases;
using Intake.Web.Hosting;
using Intake.Web.Keys;
using Intake.Web.Reporting.Forms;
using Intake.Web.Reporting.Uploads;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Reporting;

/// <summary>
/// A report posted without JavaScript: the server generates the mailbox token, seals every attachment as it
/// streams in and the answers as one JSON document, each to the channel recipient and the mailbox recipient,
/// before anything is written. Plaintext never reaches the database, the disk, a temporary file or a log.
/// </summary>
public sealed class ServerSealedReports(
    IntakeDbContext db, MultipartUploadReader reader, ReportSubmission submission, DataDirectory data, TimeProvider clock)
{
    public const string FileField = "attachments";

    public async Task<ReportOutcome> SubmitAsync(HttpContext context, string channelCode, string language, CancellationToken cancellationToken)
    {
        var channel = await db.Channels.AsNoTracking().SingleAsync(c => c.Code == channelCode, cancellationToken);
        var key = await db.ChannelKeys.AsNoTracking().SingleAsync(k => k.ChannelId == channel.Id && k.Version == channel.CurrentKeyVersion, cancellationToken);
        using var token = MailboxToken.Generate();
        using var mailbox = token.DeriveKeys();
        IReadOnlyCollection<IRecipient> recipients = [X25519Recipient.Parse(key.Recipient), mailbox.Recipient];
        using var upload = await reader.ReadAsync(context, new ServerFileSealer(recipients), data.Attachments, FileField, cancellationToken);

        var form = ReportForms.For(channelCode);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var problems = upload.TextTooLarge ? [new FieldProblem(string.Empty, "Report.Error.TextTooLarge")] : FormValidator.Validate(form, upload.Fields, today);
        if (problems.Count > 0 || upload.AntiforgeryFailed || upload.Refused.Count > 0)
        {
            var again = upload.Files.Select(f => f.Info.Name).Concat(upload.Refused.Select(r => r.Name)).Where(n => n.Length > 0).ToList();
            return new ReportOutcome(null, upload.Fields, problems, upload.Refused, again, upload.AntiforgeryFailed);
        }

        var answers = upload.Fields.OnlyFieldsOf(form);
        var json = ReportDocument.Report(channelCode, language, answers, upload.Files.Select(f => f.Info).ToList());
        byte[] sealedReport;
        try
        {
            sealedReport = AgeFile.Encrypt(json, recipients);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(json);
        }

        var record = await submission.CommitAsync(new SealedSubmission(
            channel, key.Version, form, answers, sealedReport, upload.Files, mailbox.LookupId, mailbox.Recipient.ToString(), SealingMode.Server,
            DeclineAcknowledgement: !answers.Has(CommonFields.AllowAcknowledgement),
            WantsMeeting: answers.Has(CommonFields.WantsMeeting)), cancellationToken);
        var receipt = new Receipt(token.ToString(), record.CaseNumber, record.ReceivedOn, channelCode, SealingMode.Server, clock.GetUtcNow());
        return new ReportOutcome(receipt, new FormAnswers(), [], [], [], false);
    }
}
