namespace Intake.Web.Cases;

/// <summary>One deadline still open on a case: what is due (<see cref="DeadlineKinds"/>) and by which day.</summary>
public sealed record DueDeadline(string Kind, DateOnly Due, Guid? MeasureId = null);

/// <summary>The codes of the deadlines, kept in <see cref="CaseRecord.NextDeadlineKind"/> and worded by <c>CaseWords.Deadline</c>.</summary>
public static class DeadlineKinds
{
    public const string Acknowledgement = "acknowledgement";
    public const string Feedback = "feedback";
    public const string FirstContact = "first-contact";
    public const string WorkEnvironmentDecision = "awe-decision";
    public const string WorkEnvironmentReport = "awe-report";
    public const string SocialInsuranceReport = "fk-report";
    public const string FollowUp = "follow-up";
    public const string Measure = "measure";
}

/// <summary>
/// A channel kind's deadline rules: from the case's dates and flags (and its measures), set the deadline columns
/// the rules keep and list every deadline still open. <see cref="CaseDeadlines"/> picks the earliest for the inbox.
/// </summary>
public interface ICaseDeadlineRules
{
    IReadOnlyList<DueDeadline> Apply(CaseRecord record, IReadOnlyList<CaseMeasure> measures, CaseOptions options, WorkingDays workingDays);
}
