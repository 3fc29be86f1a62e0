using Intake.Web.Cases;
using Intake.Web.Hosting;
using Intake.Web.Keys;
using Intake.Web.Reporting.Forms;
using Intake.Web.Reporting.Uploads;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Reporting;

/// <summary>
/// Takes in a report, sealed one of two ways (docs/report-format.md):
/// <list type="bullet">
/// <item>Without JavaScript the server generates the mailbox token, seals every attachment as it streams in and the
/// answers as one JSON document, each to the channel and the mailbox recipient, before anything is written.</item>
/// <item>With JavaScript the browser did all that: the server receives only age files, the mailbox lookup id and
/// recipient, and the coarse codes, and checks that the files are well-formed for two X25519 recipients.</item>
/// </list>
/// </summary>
public sealed class ReportIntake(
    IntakeDbContext db, MultipartUploadReader reader, ReportSubmission submission, BrowserSealedFields browserFields, DataDirectory data, CaseCalendar calendar, TimeProvider clock)
{
    public const string FileField = "attachments";
    public const string ModeField = "sealingMode";
    public const string BrowserMode = "browser";
    public const string SealedReportField = "sealedReport";
    public const string SealedAttachmentsField = "sealedAttachments";

    public async Task<ReportOutcome> SubmitAsync(HttpContext context, string channelCode, string language, CancellationToken cancellationToken)
    {
        var channel = await db.Channels.AsNoTracking().SingleAsync(c => c.Code == channelCode, cancellationToken);
        var key = await db.ChannelKeys.AsNoTracking().SingleAsync(k => k.ChannelId == channel.Id && k.Version == channel.CurrentKeyVersion, cancellationToken);
        using var server = new ServerSealingKeys(channel, key.Version, key.Recipient);
        using var upload = await reader.ReadAsync(
            context,
            fields => IsBrowserMode(fields) ? new BrowserFileSealer() : new ServerFileSealer(server.Recipients),
            data.Attachments,
            [FileField, SealedReportField, SealedAttachmentsField],
            caseId: null,
            cancellationToken);

        var form = ReportForms.For(channelCode);
        return IsBrowserMode(upload.Fields)
            ? await AcceptBrowserSealedAsync(channel, key.Version, form, upload, cancellationToken)
            : await SealOnServerAsync(form, language, upload, server, cancellationToken);
    }

    private static bool IsBrowserMode(FormAnswers fields) => string.Equals(fields.Get(ModeField), BrowserMode, StringComparison.Ordinal);

    private async Task<ReportOutcome> SealOnServerAsync(
        ReportForm form, string language, UploadResult upload, ServerSealingKeys server, CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        IReadOnlyList<FieldProblem> problems = upload.TextTooLarge ? [new FieldProblem(string.Empty, "Report.Error.TextTooLarge")] : FormValidator.Validate(form, upload.Fields, today);
        var files = upload.Files.Where(f => f.Field == FileField).ToList();
        if (problems.Count > 0 || upload.AntiforgeryFailed || upload.Refused.Count > 0)
        {
            var again = files.Select(f => f.Info.Name).Concat(upload.Refused.Select(r => r.Name)).Where(n => n.Length > 0).ToList();
            return ReportOutcome.Rejected(SealingMode.Server, upload.Fields, problems, upload.Refused, again, upload.AntiforgeryFailed);
        }

        var record = await submission.SealAndCommitAsync(new ServerSealedReport(server, form, upload.Fields.OnlyFieldsOf(form), language, files), cancellationToken);
        return ReportOutcome.Accept(new Receipt(server.Token.ToString(), record.CaseNumber, record.ReceivedOn, server.Channel.Code, SealingMode.Server, clock.GetUtcNow()));
    }

    private async Task<ReportOutcome> AcceptBrowserSealedAsync(
        Channel channel, int keyVersion, ReportForm form, UploadResult upload, CancellationToken cancellationToken)
    {
        var parsed = browserFields.Parse(form, upload);
        if (parsed.Problems.Count > 0 || upload.AntiforgeryFailed || upload.Refused.Count > 0 || upload.TextTooLarge)
        {
            return ReportOutcome.Rejected(SealingMode.Browser, new FormAnswers(), parsed.Problems, upload.Refused, [], upload.AntiforgeryFailed);
        }

        CaseRecord record;
        try
        {
            record = await submission.CommitAsync(new SealedSubmission(
                channel, keyVersion, form, parsed.Triage, parsed.SealedReport!, parsed.Attachments, parsed.LookupId!, parsed.Recipient!, SealingMode.Browser,
                DeclineAcknowledgement: !parsed.Triage.Has(CommonFields.AllowAcknowledgement),
                WantsMeeting: parsed.Triage.Has(CommonFields.WantsMeeting)), cancellationToken);
        }
        catch (MailboxTakenException)
        {
            return ReportOutcome.Rejected(SealingMode.Browser, new FormAnswers(), [new FieldProblem(string.Empty, "Report.Error.MailboxTaken")], [], [], false);
        }

        return ReportOutcome.Accept(new Receipt(string.Empty, record.CaseNumber, record.ReceivedOn, channel.Code, SealingMode.Browser, clock.GetUtcNow()));
    }
}
