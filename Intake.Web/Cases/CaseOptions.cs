namespace Intake.Web.Cases;

/// <summary>Settings under <c>Intake:Cases</c>: the legal deadlines and retention, with the law's values as defaults.</summary>
public sealed class CaseOptions
{
    public const string SectionName = "Intake:Cases";

    /// <summary>The whistleblowing act (2021:890): acknowledge receipt within 7 days.</summary>
    public int AcknowledgementDays { get; set; } = 7;

    /// <summary>Feedback within 3 months of the acknowledgement, or of the end of the 7 days when none was sent.</summary>
    public int FeedbackMonths { get; set; } = 3;

    /// <summary>
    /// Threats and violence: a reporter who gave their name and asked for a call is contacted within this many
    /// working days of the report (the municipality's own promise; the next working day by default).
    /// </summary>
    public int FirstContactWorkingDays { get; set; } = 1;

    /// <summary>Threats and violence: an injury goes to Försäkringskassan "immediately" (SFB 42:10); the deadline shown is this many working days.</summary>
    public int InjuryReportWorkingDays { get; set; } = 1;

    /// <summary>Personal data is not processed more than 2 years after the case is closed.</summary>
    public int RetentionYears { get; set; } = 2;

    /// <summary>An unsent reply or note a handler left is kept this many days, then deleted.</summary>
    public int DraftDays { get; set; } = 7;

    /// <summary>The time zone whose calendar days the deadlines count in (IANA id).</summary>
    public string TimeZone { get; set; } = "Europe/Stockholm";
}
