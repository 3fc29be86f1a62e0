namespace Intake.Web.Cases;

/// <summary>
/// The whistleblowing act's deadlines: acknowledgement due 7 days after receipt (none when the reporter declined
/// it); feedback due 3 months after the acknowledgement, or after the end of the 7 days when none was sent. Month
/// arithmetic is calendar arithmetic: 30 November + 3 months is 28 or 29 February. Both end with feedback given.
/// </summary>
public sealed class WhistleblowingDeadlineRules : ICaseDeadlineRules
{
    public IReadOnlyList<DueDeadline> Apply(CaseRecord record, IReadOnlyList<CaseMeasure> measures, CaseOptions options, WorkingDays workingDays)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(options);
        var acknowledgementWindowEnds = record.ReceivedOn.AddDays(options.AcknowledgementDays);
        record.AcknowledgementDue = record.AcknowledgementDeclined ? null : acknowledgementWindowEnds;
        record.FeedbackDue = (record.AcknowledgedOn ?? acknowledgementWindowEnds).AddMonths(options.FeedbackMonths);
        if (record.Status is CaseStatus.Closed or CaseStatus.FeedbackGiven || record.DisposedOn is not null || record.FeedbackGivenOn is not null)
        {
            return [];
        }

        return record.AcknowledgementDue is { } due && record.AcknowledgedOn is null
            ? [new(DeadlineKinds.Acknowledgement, due)]
            : [new(DeadlineKinds.Feedback, record.FeedbackDue.Value)];
    }
}
