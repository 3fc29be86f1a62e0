namespace Intake.Web.Cases;

/// <summary>
/// The threats-and-violence deadlines, none of them the whistleblowing act's:
/// <list type="bullet">
/// <item>first contact with a reporter who gave their name and asked for a call: by the next working day
/// (<see cref="CaseOptions.FirstContactWorkingDays"/>) until the handler records the contact;</item>
/// <item>the Arbetsmiljöverket decision for a serious (urgent) incident: the day it was received (AML 3 kap. 3 a §,
/// "without delay, preferably the same day") until the decision is recorded;</item>
/// <item>the Arbetsmiljöverket report after a "yes": the day of the decision, until the reported day is recorded;</item>
/// <item>the Försäkringskassan report when someone was injured (SFB 42:10, "immediately"): by the next working day
/// (<see cref="CaseOptions.InjuryReportWorkingDays"/>) until the reported day is recorded;</item>
/// <item>the follow-up date until the follow-up is recorded, and each planned measure's due date.</item>
/// </list>
/// A closed or disposed case has none.
/// </summary>
public sealed class ThreatDeadlineRules : ICaseDeadlineRules
{
    public IReadOnlyList<DueDeadline> Apply(CaseRecord record, IReadOnlyList<CaseMeasure> measures, CaseOptions options, WorkingDays workingDays)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(measures);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(workingDays);
        record.AcknowledgementDue = null;
        record.FeedbackDue = null;
        if (record.Status == CaseStatus.Closed || record.DisposedOn is not null)
        {
            return [];
        }

        var open = new List<DueDeadline>();
        if (record.FirstContactRequested && record.FirstContactOn is null)
        {
            open.Add(new(DeadlineKinds.FirstContact, workingDays.Add(record.ReceivedOn, options.FirstContactWorkingDays)));
        }

        if (record.Urgent && record.WorkEnvironmentDecidedOn is null)
        {
            open.Add(new(DeadlineKinds.WorkEnvironmentDecision, record.ReceivedOn));
        }

        if (record.WorkEnvironmentReportNeeded && record.WorkEnvironmentReportedOn is null)
        {
            open.Add(new(DeadlineKinds.WorkEnvironmentReport, record.WorkEnvironmentDecidedOn ?? record.ReceivedOn));
        }

        if (record.SocialInsuranceReportNeeded && record.SocialInsuranceReportedOn is null)
        {
            open.Add(new(DeadlineKinds.SocialInsuranceReport, workingDays.Add(record.ReceivedOn, options.InjuryReportWorkingDays)));
        }

        if (record.FollowUpOn is { } followUp && record.FollowedUpOn is null)
        {
            open.Add(new(DeadlineKinds.FollowUp, followUp));
        }

        open.AddRange(measures.Where(m => m is { Status: MeasureStatus.Planned, DueOn: not null })
            .Select(m => new DueDeadline(DeadlineKinds.Measure, m.DueOn!.Value, m.Id)));
        return open;
    }
}
