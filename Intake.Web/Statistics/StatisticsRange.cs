namespace Intake.Web.Statistics;

/// <summary>
/// The periods one request shows: whole periods of one grain, from one label to another, never past the last
/// period that is over and never more than <see cref="StatisticsOptions.MaxPeriods"/>. What cannot be read is
/// reported as a problem (a resource key) and replaced by the default, so the page always shows something.
/// </summary>
public sealed record StatisticsRange(Grain Grain, IReadOnlyList<Period> Periods, IReadOnlyList<string> Problems)
{
    public Period From => Periods[0];

    public Period To => Periods[^1];

    public static StatisticsRange Resolve(Grain grain, string? from, string? to, DateOnly today, int? firstYear, int maxPeriods)
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(grain))
        {
            grain = Grain.Month;
            problems.Add("Statistics.Error.Grain");
        }

        var last = LastComplete(grain, today);
        var first = new Period(grain, firstYear ?? last.Year, 1);
        var end = Read(grain, to, "Statistics.Error.To", problems) ?? last;
        var defaultCount = grain switch { Grain.Month => 12, Grain.Quarter => 8, _ => 5 };
        var start = Read(grain, from, "Statistics.Error.From", problems) ?? Back(end, defaultCount - 1);
        if (end > last)
        {
            end = last;
        }

        if (start > end)
        {
            (start, end) = (end, start);
        }

        if (start < first && end >= first)
        {
            start = first;
        }

        var periods = new List<Period>();
        for (var period = start; period <= end; period = period.Next())
        {
            periods.Add(period);
        }

        if (periods.Count > maxPeriods)
        {
            problems.Add("Statistics.Error.TooLong");
            periods = periods[^maxPeriods..];
        }

        return new StatisticsRange(grain, periods, problems);
    }

    /// <summary>The last period of a grain that is over by today.</summary>
    public static Period LastComplete(Grain grain, DateOnly today)
    {
        var lastMonthEnd = new DateOnly(today.Year, today.Month, 1).AddDays(-1);
        var period = Period.Of(grain, lastMonthEnd);
        return period.End <= lastMonthEnd ? period : Back(period, 1);
    }

    private static Period Back(Period period, int count)
    {
        var perYear = Period.PeriodsPerYear(period.Grain);
        var index = (period.Year * perYear) + period.Index - 1 - count;
        return new Period(period.Grain, index / perYear, (index % perYear) + 1);
    }

    private static Period? Read(Grain grain, string? label, string problem, List<string> problems)
    {
        if (string.IsNullOrEmpty(label))
        {
            return null;
        }

        var period = Period.Parse(grain, label);
        if (period is null)
        {
            problems.Add(problem);
        }

        return period;
    }
}
