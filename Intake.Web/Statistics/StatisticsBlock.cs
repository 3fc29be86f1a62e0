using Intake.Web.Cases;

namespace Intake.Web.Statistics;

/// <summary>
/// Everything published about one channel's cases received in one calendar year: the cases received and every
/// dimension's counts for each complete month, quarter and the year, suppressed together so that no table, total
/// or other grain of the same year gives a hidden count away. Years share no relation (no figure spans two years),
/// and channels are never added up, so each (channel, year) is decided on its own, the same for every reader.
/// </summary>
public sealed class StatisticsBlock
{
    public const string Received = "received";

    private readonly Dictionary<(string Row, Period Period), PublishedCount> _cells = [];
    private readonly Dictionary<(string Measure, Period Period), int> _medians = [];

    private StatisticsBlock(int year) => Year = year;

    public int Year { get; }

    /// <summary>The row key of a dimension value: <c>dimension/value</c>; <see cref="Received"/> for the total.</summary>
    public static string Row(StatisticsDimension dimension, string value)
    {
        ArgumentNullException.ThrowIfNull(dimension);
        return dimension.Key + "/" + value;
    }

    /// <summary>The published count, or null when the period is not published (not over, or its horizon not passed).</summary>
    public PublishedCount? Cell(string row, Period period) => _cells.TryGetValue((row, period), out var cell) ? cell : null;

    /// <summary>The median in days, or null when unpublished (period not past its horizon, or fewer than k cases).</summary>
    public int? Median(string measure, Period period) => _medians.TryGetValue((measure, period), out var days) ? days : null;

    public static StatisticsBlock Build(
        string channelCode, int year, IReadOnlyList<CaseFacts> facts, DateOnly today, StatisticsOptions options, CaseOptions deadlines, IReadOnlyList<Organisation.UnitChoice> units)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(deadlines);
        var block = new StatisticsBlock(year);
        var firstUnpublished = new DateOnly(today.Year, today.Month, 1);
        var dimensions = StatisticsDimensions.For(channelCode, units);
        var rows = new List<(string Key, DimensionTiming Timing)> { (Received, DimensionTiming.AtReceipt) };
        rows.AddRange(dimensions.SelectMany(d => d.Values.Select(v => (Row(d, v), d.Timing))));
        var monthly = rows.ToDictionary(r => r.Key, _ => new long[13], StringComparer.Ordinal);
        foreach (var fact in facts.Where(f => f.ReceivedOn.Year == year))
        {
            var month = fact.ReceivedOn.Month;
            monthly[Received][month]++;
            var horizon = new StatisticsHorizon(HorizonOf(fact.ReceivedOn, options), deadlines);
            foreach (var dimension in dimensions)
            {
                foreach (var value in dimension.Classify(fact, horizon))
                {
                    monthly[Row(dimension, value)][month]++;
                }
            }
        }

        var problem = new SuppressionProblem();
        var ids = new Dictionary<(string, Period), int>();
        foreach (var (key, timing) in rows)
        {
            AddRow(problem, ids, key, year, monthly[key], p => Published(p, timing, firstUnpublished, options));
        }

        foreach (var dimension in dimensions.Where(d => d.TotalRow is not null))
        {
            foreach (var period in AllPeriods(year))
            {
                if (ids.TryGetValue((dimension.TotalRow!, period), out var total) && ids.ContainsKey((Row(dimension, dimension.Values[0]), period)))
                {
                    problem.AddRelation(total, dimension.Values.Select(v => ids[(Row(dimension, v), period)]).ToList());
                }
            }
        }

        var hidden = CellSuppression.Suppress(problem, options.MinimumCell);
        foreach (var ((row, period), id) in ids)
        {
            block._cells[(row, period)] = hidden[id] ? PublishedCount.Suppressed : PublishedCount.Shown(problem.Value(id));
        }

        block.AddMedians(facts.Where(f => f.ReceivedOn.Year == year).ToList(), firstUnpublished, options);
        return block;
    }

    /// <summary>The end of the month <see cref="StatisticsOptions.HandlingHorizonMonths"/> after the month of receipt.</summary>
    public static DateOnly HorizonOf(DateOnly receivedOn, StatisticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var month = new DateOnly(receivedOn.Year, receivedOn.Month, 1).AddMonths(options.HandlingHorizonMonths);
        return month.AddMonths(1).AddDays(-1);
    }

    /// <summary>Whether a period's figures are out: the period is over, and for handling its last horizon has passed.</summary>
    public static bool Published(Period period, DimensionTiming timing, DateOnly firstUnpublished, StatisticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return timing == DimensionTiming.AtReceipt ? period.End < firstUnpublished : HorizonOf(period.End, options) < firstUnpublished;
    }

    private static IEnumerable<Period> AllPeriods(int year) =>
        Enumerable.Range(1, 12).Select(m => new Period(Grain.Month, year, m))
            .Concat(Enumerable.Range(1, 4).Select(q => new Period(Grain.Quarter, year, q)))
            .Append(new Period(Grain.Year, year, 1));

    private static void AddRow(SuppressionProblem problem, Dictionary<(string, Period), int> ids, string key, int year, long[] months, Func<Period, bool> published)
    {
        foreach (var period in AllPeriods(year).Where(published))
        {
            var count = period.Months().Sum(m => months[m.Index]);
            ids[(key, period)] = problem.AddCell(count);
        }

        foreach (var period in AllPeriods(year).Where(p => p.Grain != Grain.Month && ids.ContainsKey((key, p))))
        {
            problem.AddRelation(ids[(key, period)], period.Parts().Select(p => ids[(key, p)]).ToList());
        }
    }

    private void AddMedians(IReadOnlyList<CaseFacts> facts, DateOnly firstUnpublished, StatisticsOptions options)
    {
        foreach (var period in AllPeriods(Year).Where(p => Published(p, DimensionTiming.AtHorizon, firstUnpublished, options)))
        {
            var inPeriod = facts.Where(f => f.ReceivedOn >= period.Start && f.ReceivedOn <= period.End).ToList();
            AddMedian(StatisticsMeasures.DaysToAcknowledgement, period, inPeriod
                .Where(f => f.AcknowledgedOn is { } on && on <= HorizonOf(f.ReceivedOn, options))
                .Select(f => f.AcknowledgedOn!.Value.DayNumber - f.ReceivedOn.DayNumber), options);
            AddMedian(StatisticsMeasures.DaysToFeedback, period, inPeriod
                .Where(f => f.FeedbackGivenOn is { } on && on <= HorizonOf(f.ReceivedOn, options))
                .Select(f => f.FeedbackGivenOn!.Value.DayNumber - f.ReceivedOn.DayNumber), options);
        }
    }

    private void AddMedian(string measure, Period period, IEnumerable<int> days, StatisticsOptions options)
    {
        var sorted = days.Order().ToList();
        if (sorted.Count >= options.MinimumCell)
        {
            // The lower median: always one case's own whole number of days, never a half day between two.
            _medians[(measure, period)] = sorted[(sorted.Count - 1) / 2];
        }
    }
}

/// <summary>The names of the medians a block publishes.</summary>
public static class StatisticsMeasures
{
    public const string DaysToAcknowledgement = "days-to-acknowledgement";
    public const string DaysToFeedback = "days-to-feedback";
}
