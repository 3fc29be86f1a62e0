using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Statistics;

/// <summary>
/// Turns published blocks into the tables a page shows: counts straight from the blocks, and shares, averages and
/// medians computed only from figures that are themselves shown, so that nothing derived reveals a hidden count.
/// </summary>
public sealed class StatisticsTables(IStringLocalizer<SharedResource> text, IReadOnlyDictionary<int, StatisticsBlock> blocks)
{
    public const string HiddenMark = "–";
    public const string NotYetMark = "…";

    public StatisticsCell Count(string row, Period period)
    {
        var cell = blocks.TryGetValue(period.Year, out var block) ? block.Cell(row, period) : null;
        return cell switch
        {
            null => NotYet,
            { Hidden: true } => Hidden,
            { } shown => new StatisticsCell(shown.Count.ToString(CultureInfo.InvariantCulture), shown.Count, CellState.Shown),
        };
    }

    public static StatisticsCell Hidden { get; } = new(HiddenMark, null, CellState.Hidden);

    public static StatisticsCell NotYet { get; } = new(NotYetMark, null, CellState.NotYet);

    public string PeriodLabel(Period period) => period.Grain switch
    {
        Grain.Month => CultureInfo.CurrentCulture.DateTimeFormat.GetAbbreviatedMonthName(period.Index).TrimEnd('.') + " " + period.Year.ToString(CultureInfo.InvariantCulture),
        Grain.Quarter => string.Format(CultureInfo.CurrentCulture, text["Statistics.QuarterLabel"], period.Index, period.Year),
        _ => period.Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The cases received in each period.</summary>
    public StatisticsTable Received(IReadOnlyList<Period> periods, string id = "received") =>
        new(id, text["Statistics.Table.Received"], text["Statistics.Column.Measure"], [.. periods.Select(PeriodLabel)],
            [new(text["Statistics.Row.Received"], [.. periods.Select(p => Count(StatisticsBlock.Received, p))])], ChartKind.Columns);

    /// <summary>One dimension's values by period.</summary>
    public StatisticsTable Dimension(StatisticsDimension dimension, IReadOnlyList<Period> periods)
    {
        ArgumentNullException.ThrowIfNull(dimension);
        string? note = dimension.Exclusive ? null : text[dimension.TotalRow is null ? "Statistics.Note.Several" : "Statistics.Note.PartOf." + dimension.Key].Value;
        if (dimension.Timing == DimensionTiming.AtHorizon)
        {
            note = (note is null ? string.Empty : note + " ") + text["Statistics.Note.Horizon"];
        }

        return new(dimension.Key, text[dimension.TitleKey], text["Statistics.Column.Value"], [.. periods.Select(PeriodLabel)],
            [.. dimension.Values.Select(v => new StatisticsRow(dimension.Label?.Invoke(v) ?? text[dimension.ValueKey(v)], [.. periods.Select(p => Count(StatisticsBlock.Row(dimension, v), p))]))],
            ChartKind.Bars, note);
    }

    /// <summary>Year over year: one row per month or quarter of the year, one column per year.</summary>
    public StatisticsTable YearOverYear(Grain grain, IReadOnlyList<int> years)
    {
        var perYear = Period.PeriodsPerYear(grain);
        var rows = Enumerable.Range(1, perYear).Select(index => new StatisticsRow(
            grain == Grain.Month ? CultureInfo.CurrentCulture.DateTimeFormat.GetMonthName(index) : string.Format(CultureInfo.CurrentCulture, text["Statistics.QuarterName"], index),
            [.. years.Select(y => Count(StatisticsBlock.Received, new Period(grain, y, index)))]));
        return new("year-over-year", text["Statistics.Table.YearOverYear"], text[grain == Grain.Month ? "Statistics.Column.Month" : "Statistics.Column.Quarter"],
            [.. years.Select(y => y.ToString(CultureInfo.InvariantCulture))], [.. rows], ChartKind.None);
    }

    /// <summary>Cases received per year on average, election years against other years (whole years only).</summary>
    public StatisticsTable Elections(IReadOnlyList<int> years)
    {
        StatisticsRow Row(string label, IReadOnlyList<int> group)
        {
            var cells = group.Select(y => Count(StatisticsBlock.Received, new Period(Grain.Year, y, 1))).ToList();
            var average = group.Count == 0 || cells.Any(c => c.Value is null) ? (group.Count == 0 ? NotYet : Hidden)
                : Number(cells.Average(c => c.Value!.Value), "0.0");
            return new StatisticsRow(label, [new(group.Count == 0 ? NotYetMark : string.Join(", ", group), null, CellState.Shown), average]);
        }

        var election = years.Where(ElectionYears.IsElectionYear).ToList();
        var other = years.Where(y => !ElectionYears.IsElectionYear(y)).ToList();
        return new("elections", text["Statistics.Table.Elections"], text["Statistics.Column.Years"],
            [text["Statistics.Column.WhichYears"], text["Statistics.Column.AveragePerYear"]],
            [Row(text["Statistics.Row.ElectionYears"], election), Row(text["Statistics.Row.OtherYears"], other)], ChartKind.None,
            text["Statistics.Note.Elections"]);
    }

    /// <summary>Shares, each computed only when every count it is made of is shown.</summary>
    public StatisticsTable Shares(string channelCode, IReadOnlyList<Period> periods)
    {
        var rows = new List<StatisticsRow>();
        void Add(string label, string[] numerator, string[] denominator) =>
            rows.Add(new(text[label], [.. periods.Select(p => Share(numerator, denominator, p))]));
        if (channelCode == Keys.ChannelCodes.Threat)
        {
            Add("Statistics.Share.Police", ["police/yes"], ["police/yes", "police/no"]);
            Add("Statistics.Share.WorkEnvironment", ["workEnvironment/in-time", "workEnvironment/late"],
                ["workEnvironment/in-time", "workEnvironment/late", "workEnvironment/not-reported"]);
            Add("Statistics.Share.WorkEnvironmentInTime", ["workEnvironment/in-time"],
                ["workEnvironment/in-time", "workEnvironment/late", "workEnvironment/not-reported"]);
            Add("Statistics.Share.SocialInsurance", ["socialInsurance/in-time", "socialInsurance/late"],
                ["socialInsurance/in-time", "socialInsurance/late", "socialInsurance/not-reported"]);
            Add("Statistics.Share.SocialInsuranceInTime", ["socialInsurance/in-time"],
                ["socialInsurance/in-time", "socialInsurance/late", "socialInsurance/not-reported"]);
            Add("Statistics.Share.MeasuresDone", ["measures/done"], ["measures/open", "measures/done"]);
        }

        Add("Statistics.Share.Acknowledged", ["acknowledgement/in-time"], ["acknowledgement/in-time", "acknowledgement/late", "acknowledgement/missing"]);
        Add("Statistics.Share.Feedback", ["feedback/in-time"], ["feedback/in-time", "feedback/late", "feedback/missing"]);
        return new("shares", text["Statistics.Table.Shares"], text["Statistics.Column.Measure"], [.. periods.Select(PeriodLabel)], rows, ChartKind.None,
            text["Statistics.Note.Shares"]);
    }

    /// <summary>Median days from receipt, over at least k cases.</summary>
    public StatisticsTable Medians(IReadOnlyList<Period> periods)
    {
        StatisticsRow Row(string label, string measure) => new(text[label], [.. periods.Select(p =>
            blocks.TryGetValue(p.Year, out var block) && block.Median(measure, p) is { } days
                ? new StatisticsCell(days.ToString(CultureInfo.InvariantCulture), days, CellState.Shown)
                : NotYet)]);
        return new("medians", text["Statistics.Table.Medians"], text["Statistics.Column.Measure"], [.. periods.Select(PeriodLabel)],
            [Row("Statistics.Median.Acknowledgement", StatisticsMeasures.DaysToAcknowledgement), Row("Statistics.Median.Feedback", StatisticsMeasures.DaysToFeedback)],
            ChartKind.None, text["Statistics.Note.Medians"]);
    }

    private StatisticsCell Share(string[] numerator, string[] denominator, Period period)
    {
        var parts = denominator.Select(r => Count(r, period)).ToList();
        if (parts.Any(c => c.State == CellState.NotYet))
        {
            return NotYet;
        }

        if (parts.Any(c => c.State == CellState.Hidden))
        {
            return Hidden;
        }

        var total = parts.Sum(c => c.Value!.Value);
        var part = numerator.Sum(r => Count(r, period).Value!.Value);
        return total == 0 ? new StatisticsCell(NotYetMark, null, CellState.NotYet) : Number(100 * part / total, text["Statistics.PercentFormat"]);
    }

    private static StatisticsCell Number(double value, string format) =>
        new(value.ToString(format, CultureInfo.CurrentCulture), value, CellState.Shown);
}
