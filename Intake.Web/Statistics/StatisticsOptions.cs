namespace Intake.Web.Statistics;

/// <summary>Settings under <c>Intake:Statistics</c>.</summary>
public sealed class StatisticsOptions
{
    public const string SectionName = "Intake:Statistics";

    /// <summary>k: the smallest count ever shown; every count from 1 to k−1 is hidden. At least 2; default 5.</summary>
    public int MinimumCell { get; set; } = 5;

    /// <summary>
    /// Months after the month a case arrived at whose end its handling is read (acknowledgement, feedback, outcome,
    /// reports to authorities). Default 4: the 3 months for feedback plus the 7 days for the acknowledgement.
    /// </summary>
    public int HandlingHorizonMonths { get; set; } = 4;

    /// <summary>The widest range one page or CSV file shows, in periods of the chosen grain.</summary>
    public int MaxPeriods { get; set; } = 60;

    /// <summary>Minutes a computed year is reused at most (changes made in this process clear it at once).</summary>
    public int CacheMinutes { get; set; } = 10;
}
