using Intake.Web.Audit;
using Intake.Web.Keys;
using Intake.Web.Reporting;
using Intake.Web.Reporting.Forms;
using Intake.Web.Reporting.Uploads;
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
/// to the reporter once so that they can read and correct the minutes in the mailbox. Files (a scanned letter)
/// are sealed to the same two recipients as they stream in (<see cref="CaseUploads"/>), which is why the keys of a
/// registration are made before its form is read.
/// </summary>
public sealed class CaseRegistration(IntakeDbContext db, ReportSubmission submission, CaseCalendar calendar, AuditLog audit)
{
    /// <summary>A registration without files.</summary>
    public async Task<RegistrationOutcome> RegisterAsync(
        Guid channelId, Guid actorId, CaseOrigin origin, FormAnswers typed, string language, CancellationToken cancellationToken = default)
    {
        var channel = await db.Channels.AsNoTracking().SingleAsync(c => c.Id == channelId, cancellationToken);
        var keys = await KeysForAsync([channel], cancellationToken);
        using var chosen = keys[0];
        return await RegisterAsync(chosen, actorId, origin, typed, language, [], cancellationToken);
    }

    /// <summary>The keys a registration into each of these channels would seal to; the mailbox is made on first use.</summary>
    public async Task<IReadOnlyList<ServerSealingKeys>> KeysForAsync(IReadOnlyCollection<Channel> channels, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channels);
        var ids = channels.Select(c => c.Id).ToList();
        var current = await db.ChannelKeys.AsNoTracking().Where(k => ids.Contains(k.ChannelId)).ToListAsync(cancellationToken);
        return channels.Select(c => current.Single(k => k.ChannelId == c.Id && k.Version == c.CurrentKeyVersion))
            .Select(k => new ServerSealingKeys(channels.Single(c => c.Id == k.ChannelId), k.Version, k.Recipient))
            .ToList();
    }

    /// <summary>The problems with the answers and with how the report came in (which must not be online).</summary>
    public IReadOnlyList<FieldProblem> Validate(Channel channel, CaseOrigin? origin, FormAnswers typed)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var problems = FormValidator.Validate(ReportForms.For(channel.Code), typed, calendar.Today).ToList();
        if (origin is not { } how || how == CaseOrigin.Online || !Enum.IsDefined(how))
        {
            problems.Add(new FieldProblem("origin", "Report.Error.Choose"));
        }

        return problems;
    }

    /// <summary>Registers the report with files already sealed to <see cref="ServerSealingKeys.Recipients"/> of <paramref name="keys"/>.</summary>
    public async Task<RegistrationOutcome> RegisterAsync(
        ServerSealingKeys keys, Guid actorId, CaseOrigin origin, FormAnswers typed, string language, IReadOnlyList<StagedFile> files,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(files);
        var channel = keys.Channel;
        var form = ReportForms.For(channel.Code);
        var problems = Validate(channel, origin, typed);
        if (problems.Count > 0)
        {
            return new RegistrationOutcome(problems, null, null);
        }

        // The case and the audit entry of its registration commit together.
        var record = await submission.SealAndCommitAsync(
            new ServerSealedReport(keys, form, typed.OnlyFieldsOf(form), language, files, origin),
            created => audit.Record(AuditKinds.CaseRegistered, actorId, created.Id, created.ChannelId, CaseReplies.WithFiles(origin.ToString(), files.Count)),
            cancellationToken);
        return new RegistrationOutcome([], record, keys.Token.ToString());
    }
}
