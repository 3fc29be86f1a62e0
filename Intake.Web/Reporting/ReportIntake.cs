using Intake.Crypto.Age;
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
    IntakeDbContext db, MultipartUploadReader reader, ReportSubmission submission, BrowserSealedFields browserFields, DataDirectory data, CaseCalendar calendar,
    TimeProvider clock, Admission.SubmissionGate gate, Organisation.OrganisationUnits units)
{
    /// <summary>The optional organisational unit a threats reporter may pick: a clear code, outside the sealed report.</summary>
    public const string UnitField = "organisationUnit";

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

        // Decided once, at the first file or after the last field: the stamp and proof come before any file.
        Admission.Admission? admission = null;
        async Task<Admission.Admission> AdmitAsync(FormAnswers fields) =>
            admission ??= await gate.AdmitAsync(channelCode, fields, IsBrowserMode(fields), cancellationToken);
        using var upload = await reader.ReadAsync(
            context,
            async fields => !(await AdmitAsync(fields)).IsAdmitted ? new RefusingSealer("Report.Error.Busy")
                : IsBrowserMode(fields) ? new BrowserFileSealer(AgeKeys.IsPostQuantumRecipient(key.Recipient)) : (IFileSealer)new ServerFileSealer(server.Recipients),
            data.Attachments,
            [FileField, SealedReportField, SealedAttachmentsField],
            caseId: null,
            cancellationToken);

        var form = ReportForms.For(channelCode);
        var mode = IsBrowserMode(upload.Fields) ? SealingMode.Browser : SealingMode.Server;
        var decided = upload.Malformed || upload.AntiforgeryFailed ? null : await AdmitAsync(upload.Fields);
        if (decided is { IsAdmitted: false })
        {
            var again = Errors.FormErrors.ToChooseAgain(upload.Files.Select(f => f.Info.Name), upload.Refused);
            return ReportOutcome.NotAdmitted(mode, mode == SealingMode.Server ? upload.Fields : new FormAnswers(), decided, again);
        }

        var outcome = mode == SealingMode.Browser
            ? await AcceptBrowserSealedAsync(channel, key, form, upload, decided, cancellationToken)
            : await SealOnServerAsync(form, language, upload, server, decided, cancellationToken);
        return outcome.Refusal is null ? outcome with { Stamp = upload.Fields.Get(Admission.SubmissionGate.StampField) } : outcome;
    }

    /// <summary>The unit's code when the kind asks for one and it is an active unit; anything else counts as none.</summary>
    private async Task<string?> UnitAsync(string channelCode, FormAnswers fields, CancellationToken cancellationToken)
    {
        var code = fields.Get(UnitField).Trim();
        return code.Length > 0 && code.Length <= 64 && Channels.ChannelKinds.For(channelCode).Has(Channels.CaseSections.OrganisationUnit)
            && await units.IsActiveAsync(code, cancellationToken) ? code : null;
    }

    private static bool IsBrowserMode(FormAnswers fields) => string.Equals(fields.Get(ModeField), BrowserMode, StringComparison.Ordinal);

    private async Task<ReportOutcome> SealOnServerAsync(
        ReportForm form, string language, UploadResult upload, ServerSealingKeys server, Admission.Admission? admission, CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        IReadOnlyList<FieldProblem> problems = upload.TextTooLarge ? [new FieldProblem(string.Empty, "Report.Error.TextTooLarge")] : FormValidator.Validate(form, upload.Fields, today);
        var files = upload.Files.Where(f => f.Field == FileField).ToList();
        if (problems.Count > 0 || upload.AntiforgeryFailed || upload.Refused.Count > 0)
        {
            var again = Errors.FormErrors.ToChooseAgain(files.Select(f => f.Info.Name), upload.Refused);
            return ReportOutcome.Rejected(SealingMode.Server, upload.Fields, problems, upload.Refused, again, upload.AntiforgeryFailed);
        }

        if (admission is not null && !await gate.TryConsumeAsync(admission, cancellationToken))
        {
            var stamp = await gate.StampForAsync(server.Channel.Code, cancellationToken);
            return ReportOutcome.NotAdmitted(SealingMode.Server, upload.Fields, Admission.Admission.Wait(gate.Options.MinimumFormTime, stamp), [.. files.Select(f => f.Info.Name)]);
        }

        // The unit is offered beside the form's own fields; the sealed document carries it like the browser's does
        // (under the same name), but only as the active unit's code the clear column keeps too.
        var unit = await UnitAsync(server.Channel.Code, upload.Fields, cancellationToken);
        var answers = upload.Fields.OnlyFieldsOf(form);
        if (unit is not null)
        {
            answers.Add(UnitField, unit);
        }

        var record = await submission.SealAndCommitAsync(new ServerSealedReport(server, form, answers, language, files, OrganisationUnit: unit), cancellationToken);
        return ReportOutcome.Accept(new Receipt(server.Token.ToString(), record.CaseNumber, record.ReceivedOn, server.Channel.Code, SealingMode.Server, clock.GetUtcNow(), files.Count));
    }

    private async Task<ReportOutcome> AcceptBrowserSealedAsync(
        Channel channel, ChannelKey key, ReportForm form, UploadResult upload, Admission.Admission? admission, CancellationToken cancellationToken)
    {
        var keyVersion = key.Version;
        var parsed = browserFields.Parse(form, upload, AgeKeys.IsPostQuantumRecipient(key.Recipient));
        if (parsed.Problems.Count > 0 || upload.AntiforgeryFailed || upload.Refused.Count > 0 || upload.TextTooLarge)
        {
            return ReportOutcome.Rejected(SealingMode.Browser, new FormAnswers(), parsed.Problems, upload.Refused, [], upload.AntiforgeryFailed);
        }

        if (admission is not null && !await gate.TryConsumeAsync(admission, cancellationToken))
        {
            var bits = await gate.CurrentBitsAsync(channel.Code, cancellationToken);
            var stamp = await gate.StampForAsync(channel.Code, cancellationToken);
            return ReportOutcome.NotAdmitted(SealingMode.Browser, new FormAnswers(), Admission.Admission.ProofNeeded(stamp, bits), []);
        }

        CaseRecord record;
        try
        {
            record = await submission.CommitAsync(new SealedSubmission(
                channel, keyVersion, form, parsed.Triage, parsed.SealedReport!, parsed.Attachments, parsed.Verifier!, parsed.Recipient!, SealingMode.Browser,
                DeclineAcknowledgement: !parsed.Triage.Has(CommonFields.AllowAcknowledgement),
                WantsMeeting: parsed.Triage.Has(CommonFields.WantsMeeting),
                OrganisationUnit: await UnitAsync(channel.Code, upload.Fields, cancellationToken)), cancellationToken);
        }
        catch (MailboxTakenException)
        {
            return ReportOutcome.Rejected(SealingMode.Browser, new FormAnswers(), [new FieldProblem(string.Empty, "Report.Error.MailboxTaken")], [], [], false);
        }

        return ReportOutcome.Accept(new Receipt(string.Empty, record.CaseNumber, record.ReceivedOn, channel.Code, SealingMode.Browser, clock.GetUtcNow(), parsed.Attachments.Count));
    }
}
