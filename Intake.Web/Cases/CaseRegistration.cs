using System.Security.Cryptography;
using Intake.Crypto.Age;
using Intake.Crypto.Mailbox;
using Intake.Web.Audit;
using Intake.Web.Reporting;
using Intake.Web.Reporting.Forms;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Cases;

/// <summary>The result of registering a report: the problems with the answers, or the new case and its token.</summary>
public sealed record RegistrationOutcome(IReadOnlyList<FieldProblem> Problems, CaseRecord? Record, string? Token)
{
    public bool Succeeded => Record is not null;
}

/// <summary>
/// A handler registers a report received by phone, by post or in a meeting, on the reporter's behalf: the same
/// form and validation as online, sealed on the server to the channel and to a new mailbox, whose token is handed
/// to the reporter once so that they can read and correct the minutes in the mailbox.
/// </summary>
public sealed class CaseRegistration(IntakeDbContext db, ReportSubmission submission, CaseCalendar calendar, AuditLog audit)
{
    public async Task<RegistrationOutcome> RegisterAsync(
        Guid channelId, Guid actorId, CaseOrigin origin, FormAnswers typed, string language, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var channel = await db.Channels.AsNoTracking().SingleAsync(c => c.Id == channelId, cancellationToken);
        var form = ReportForms.For(channel.Code);
        var problems = FormValidator.Validate(form, typed, calendar.Today).ToList();
        if (origin == CaseOrigin.Online || !Enum.IsDefined(origin))
        {
            problems.Add(new FieldProblem("origin", "Report.Error.Choose"));
        }

        if (problems.Count > 0)
        {
            return new RegistrationOutcome(problems, null, null);
        }

        var key = await db.ChannelKeys.AsNoTracking().SingleAsync(k => k.ChannelId == channel.Id && k.Version == channel.CurrentKeyVersion, cancellationToken);
        using var token = MailboxToken.Generate();
        using var mailbox = token.DeriveKeys();
        IReadOnlyCollection<IRecipient> recipients = [X25519Recipient.Parse(key.Recipient), mailbox.Recipient];
        var answers = typed.OnlyFieldsOf(form);
        var json = ReportDocument.Report(channel.Code, language, answers, []);
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
            channel, key.Version, form, answers, sealedReport, [], mailbox.LookupId, mailbox.Recipient.ToString(), SealingMode.Server,
            DeclineAcknowledgement: !answers.Has(CommonFields.AllowAcknowledgement),
            WantsMeeting: answers.Has(CommonFields.WantsMeeting),
            Origin: origin), cancellationToken);
        await audit.AppendAsync(AuditKinds.CaseRegistered, actorId, record.Id, record.ChannelId, origin.ToString(), cancellationToken);
        return new RegistrationOutcome([], record, token.ToString());
    }
}
