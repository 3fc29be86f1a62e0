using Intake.Web.Cases;

namespace Intake.Web.Statistics;

/// <summary>
/// The clear columns of one case that statistics read: coarse codes and dates, nothing sealed. Disposed cases keep
/// all of them in their stub, so they count like any other.
/// </summary>
public sealed record CaseFacts(
    DateOnly ReceivedOn,
    CaseOrigin Origin,
    string? Category,
    string? ReporterRole,
    string? IncidentTypes,
    string? IncidentPlace,
    string? ContactChannels,
    bool? PoliceReported,
    bool AcknowledgementDeclined,
    DateOnly? AcknowledgedOn,
    DateOnly? FeedbackGivenOn,
    DateOnly? ClosedOn,
    string? Outcome,
    DateOnly? WorkEnvironmentReportedOn,
    DateOnly? SocialInsuranceReportedOn,
    Guid Id = default,
    string? OrganisationUnit = null,
    DateOnly? WorkEnvironmentDecidedOn = null,
    bool WorkEnvironmentReportNeeded = false,
    bool SocialInsuranceReportNeeded = false)
{
    /// <summary>The case's measures (threats channel): their clear dates and status only, never what or who.</summary>
    public IReadOnlyList<MeasureFact> Measures { get; init; } = [];


    /// <summary>The codes of a multi-choice column ('|'-joined); empty when none.</summary>
    public static IReadOnlyList<string> Codes(string? joined) =>
        string.IsNullOrEmpty(joined) ? [] : joined.Split('|', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Whether the case was still open at the end of <paramref name="day"/>.</summary>
    public bool OpenOn(DateOnly day) => ReceivedOn <= day && (ClosedOn is null || ClosedOn > day);

    /// <summary>
    /// Whether the case was open and past a deadline at the end of <paramref name="day"/>, with the deadlines as they
    /// stood that day: the acknowledgement 7 days after receipt, feedback 3 months after the acknowledgement (or after
    /// the 7 days when none had been sent by then).
    /// </summary>
    public bool OverdueOn(DateOnly day, CaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!OpenOn(day) || (FeedbackGivenOn is { } given && given <= day))
        {
            return false;
        }

        var windowEnds = ReceivedOn.AddDays(options.AcknowledgementDays);
        var acknowledged = AcknowledgedOn is { } ack && ack <= day ? ack : (DateOnly?)null;
        if (!AcknowledgementDeclined && acknowledged is null && windowEnds < day)
        {
            return true;
        }

        return (acknowledged ?? windowEnds).AddMonths(options.FeedbackMonths) < day;
    }

    /// <summary>The feedback deadline as the case stands: 3 months after the acknowledgement or the 7 days.</summary>
    public DateOnly FeedbackDue(CaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return (AcknowledgedOn ?? ReceivedOn.AddDays(options.AcknowledgementDays)).AddMonths(options.FeedbackMonths);
    }
}

/// <summary>The clear columns of one measure that statistics read.</summary>
public sealed record MeasureFact(DateOnly CreatedOn, MeasureStatus Status, DateOnly? DoneOn);
