using Intake.Web.Audit;
using Intake.Web.Keys;
using Intake.Web.Reporting.Forms;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Cases;

/// <summary>Why a workflow change was refused; the page words it.</summary>
public enum WorkflowProblem
{
    None,
    OutcomeRequired,
    NotAMember,
    UnknownCategory,
    Disposed,

    /// <summary>The channel kind's close-guard: decisions or reports the case needs are not recorded.</summary>
    ReportsMissing,

    /// <summary>
    /// A whistleblowing case would close without the acknowledgement or feedback the act requires, and the
    /// handler has not confirmed it (<see cref="CaseWorkflow.RepliesMissing"/>).
    /// </summary>
    RepliesMissing,

    /// <summary>The closing message to the reporter is longer than a reply may be.</summary>
    ClosingMessageTooLong,
}

/// <summary>
/// Status, closing and reopening, assignment and the handler's categories. Each change is saved together with
/// its audit entry, whose detail is a code (a status, an outcome, category codes), never free text.
/// </summary>
public sealed class CaseWorkflow(IntakeDbContext db, CaseDeadlines deadlines, CaseSchedule schedule, CaseCalendar calendar, AuditLog audit, UnitOfWork work)
{
    /// <summary>
    /// Sets the status. Closing needs an outcome and sets the closing and disposal days; any other status
    /// reopens a closed case and clears them. Setting Acknowledged or FeedbackGiven by hand records that day
    /// (the acknowledgement or feedback was given some other way, say by phone) when none is recorded yet.
    /// </summary>
    public Task<WorkflowProblem> SetStatusAsync(CaseRecord record, Guid actorId, CaseStatus status, string? outcome, CancellationToken cancellationToken = default) =>
        SetStatusAsync(record, actorId, status, outcome, confirmedWithoutReplies: false, cancellationToken);

    /// <summary>
    /// Sets the status; closing needs an outcome, the channel kind's close-guard, and for a whistleblowing case
    /// without acknowledgement or feedback the handler's confirmation (<paramref name="confirmedWithoutReplies"/>).
    /// </summary>
    public async Task<WorkflowProblem> SetStatusAsync(
        CaseRecord record, Guid actorId, CaseStatus status, string? outcome, bool confirmedWithoutReplies, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.DisposedOn is not null)
        {
            return WorkflowProblem.Disposed;
        }

        var today = calendar.Today;
        var kind = await schedule.KindAsync(record, cancellationToken);
        string detail;
        if (status == CaseStatus.Closed)
        {
            if (outcome is null || !kind.Outcomes.Contains(outcome, StringComparer.Ordinal))
            {
                return WorkflowProblem.OutcomeRequired;
            }

            if (kind.Has(Channels.CaseSections.StatutoryReports)
                && CaseStatutoryReports.Missing(record, await schedule.MeasuresAsync(record.Id, cancellationToken)).Count > 0)
            {
                return WorkflowProblem.ReportsMissing;
            }

            if (!confirmedWithoutReplies && kind.Has(Channels.CaseSections.AcknowledgementAndFeedback) && RepliesMissing(record).Count > 0)
            {
                return WorkflowProblem.RepliesMissing;
            }

            record.Status = CaseStatus.Closed;
            record.ClosedOn = today;
            record.Outcome = outcome;
            record.DisposeOn = deadlines.DisposalDate(today);
            detail = $"{status}:{outcome}";
        }
        else
        {
            record.Status = status;
            record.ClosedOn = null;
            record.Outcome = null;
            record.DisposeOn = null;
            if (status == CaseStatus.Acknowledged)
            {
                record.AcknowledgedOn ??= today;
            }
            else if (status == CaseStatus.FeedbackGiven)
            {
                record.FeedbackGivenOn ??= today;
            }

            detail = status.ToString();
        }

        deadlines.Apply(record, kind, await schedule.MeasuresAsync(record.Id, cancellationToken));
        audit.Record(AuditKinds.CaseStatusChanged, actorId, record.Id, record.ChannelId, detail);
        await work.SaveAsync(cancellationToken);
        return WorkflowProblem.None;
    }

    /// <summary>
    /// What the whistleblowing act asks for that the case has not had: <c>Acknowledgement</c> (unless the reporter
    /// declined it) and <c>Feedback</c>. Only meaningful for kinds with acknowledgement and feedback.
    /// </summary>
    public static IReadOnlyList<string> RepliesMissing(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var missing = new List<string>(2);
        if (record.AcknowledgedOn is null && !record.AcknowledgementDeclined)
        {
            missing.Add("Acknowledgement");
        }

        if (record.FeedbackGivenOn is null)
        {
            missing.Add("Feedback");
        }

        return missing;
    }

    /// <summary>Assigns the case to an active handler of its channel, or to nobody.</summary>
    public async Task<WorkflowProblem> AssignAsync(CaseRecord record, Guid actorId, Guid? assigneeId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (assigneeId is { } id)
        {
            var isMember = await (from m in db.ChannelMemberships
                                  join u in db.StaffUsers on m.UserId equals u.Id
                                  where m.ChannelId == record.ChannelId && m.UserId == id && m.State == MembershipState.Active
                                        && !u.IsDisabled && u.Role == Accounts.StaffRole.Handler
                                  select m).AnyAsync(cancellationToken);
            if (!isMember)
            {
                return WorkflowProblem.NotAMember;
            }
        }

        record.AssigneeId = assigneeId;
        audit.Record(AuditKinds.CaseAssigned, actorId, record.Id, record.ChannelId, assigneeId?.ToString() ?? "none");
        await work.SaveAsync(cancellationToken);
        return WorkflowProblem.None;
    }

    /// <summary>The codes a handler may categorise a case of this channel with: the form's category or type choices.</summary>
    public static IReadOnlyList<FieldOption> CategoryChoices(string channelCode) => CategoryField(channelCode)?.Choices ?? [];

    /// <summary>The form field whose choices are the channel's categories (whistleblowing) or incident types (threats).</summary>
    public static FormField? CategoryField(string channelCode) =>
        ReportForms.For(channelCode).Fields.FirstOrDefault(f => f.Triage is TriageColumn.Category or TriageColumn.IncidentTypes);

    public static IReadOnlyList<string> CategoriesOf(CaseRecord record) =>
        string.IsNullOrEmpty(record?.HandlerCategories) ? [] : record.HandlerCategories.Split('|');

    public async Task<WorkflowProblem> CategoriseAsync(CaseRecord record, Guid actorId, string channelCode, IReadOnlyList<string> codes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(codes);
        var choices = CategoryChoices(channelCode);
        if (codes.Any(c => choices.All(o => !string.Equals(o.Code, c, StringComparison.Ordinal))))
        {
            return WorkflowProblem.UnknownCategory;
        }

        // Kept in the form's order, each once.
        var chosen = choices.Select(o => o.Code).Where(c => codes.Contains(c, StringComparer.Ordinal)).ToList();
        record.HandlerCategories = chosen.Count == 0 ? null : string.Join('|', chosen);
        audit.Record(AuditKinds.CaseCategorised, actorId, record.Id, record.ChannelId, record.HandlerCategories ?? "none");
        await work.SaveAsync(cancellationToken);
        return WorkflowProblem.None;
    }
}
