using Microsoft.Extensions.Options;

namespace Intake.Web.Cases;

/// <summary>
/// The law's deadlines for a case, kept in the case record so that the inbox can sort and filter by them without
/// computing anything: acknowledgement due 7 days after receipt (none when the reporter declined it); feedback due
/// 3 months after the acknowledgement, or after the end of the 7 days when none was sent. Month arithmetic is
/// calendar arithmetic: 30 November + 3 months is 28 or 29 February.
/// </summary>
public sealed class CaseDeadlines(IOptions<CaseOptions> options)
{
    private readonly CaseOptions _options = options.Value;

    /// <summary>Recomputes every deadline column from the dates and status of the case.</summary>
    public void Apply(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var acknowledgementWindowEnds = record.ReceivedOn.AddDays(_options.AcknowledgementDays);
        record.AcknowledgementDue = record.AcknowledgementDeclined ? null : acknowledgementWindowEnds;
        record.FeedbackDue = (record.AcknowledgedOn ?? acknowledgementWindowEnds).AddMonths(_options.FeedbackMonths);
        record.NextDeadline = NextOpenDeadline(record);
    }

    /// <summary>The day disposal falls due for a case closed on <paramref name="closedOn"/>.</summary>
    public DateOnly DisposalDate(DateOnly closedOn) => closedOn.AddYears(_options.RetentionYears);

    /// <summary>True when the earliest open deadline has passed: the day after the due day, not on it.</summary>
    public static bool IsOverdue(CaseRecord record, DateOnly today) => record.NextDeadline is { } due && due < today;

    private static DateOnly? NextOpenDeadline(CaseRecord record)
    {
        if (record.Status is CaseStatus.Closed or CaseStatus.FeedbackGiven || record.DisposedOn is not null || record.FeedbackGivenOn is not null)
        {
            return null;
        }

        var acknowledgementOpen = record.AcknowledgementDue is not null && record.AcknowledgedOn is null;
        return acknowledgementOpen ? record.AcknowledgementDue : record.FeedbackDue;
    }
}
