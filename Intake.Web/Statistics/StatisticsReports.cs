using Intake.Web.Accounts;
using Intake.Web.Cases;
using Intake.Web.Keys;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Statistics;

/// <summary>What one statistics page shows: the channels the reader may choose, the range, and the tables.</summary>
public sealed record StatisticsReport(
    IReadOnlyList<Channel> Channels,
    Channel? Channel,
    StatisticsRange? Range,
    IReadOnlyList<StatisticsTable> Tables,
    int MinimumCell,
    int HorizonMonths);

/// <summary>
/// The work behind the statistics pages: which channels a reader may see (the statistics role and the
/// administrator every channel; a handler the channels they are an active member of), and the tables for a
/// channel and range, or for a committee's year.
/// </summary>
public sealed class StatisticsReports(StatisticsSource source, CaseAccess access, IStringLocalizer<SharedResource> text)
{
    public async Task<IReadOnlyList<Channel>> VisibleChannelsAsync(HttpContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var all = await source.ChannelsAsync(cancellationToken);
        var ordered = all.OrderBy(c => ChannelCodes.All.ToList().IndexOf(c.Code)).ToList();
        if (context.User.IsInRole(nameof(StaffRole.Statistics)) || context.User.IsInRole(nameof(StaffRole.Administrator)))
        {
            return ordered;
        }

        var mine = await access.ChannelsOfAsync(context, cancellationToken);
        return ordered.Where(c => mine.Contains(c.Id)).ToList();
    }

    /// <summary>The statistics page: a channel, a grain and a range of whole periods.</summary>
    public async Task<StatisticsReport> BuildAsync(HttpContext context, string? channelCode, Grain grain, string? from, string? to, CancellationToken cancellationToken = default)
    {
        var channels = await VisibleChannelsAsync(context, cancellationToken);
        var channel = channels.FirstOrDefault(c => c.Code == channelCode) ?? (channels.Count > 0 ? channels[0] : null);
        if (channel is null)
        {
            return new StatisticsReport(channels, null, null, [], source.Options.MinimumCell, source.Options.HandlingHorizonMonths);
        }

        var firstYear = await source.FirstYearAsync(channel.Id, cancellationToken);
        var range = StatisticsRange.Resolve(grain, from, to, source.Today, firstYear, source.Options.MaxPeriods);
        var years = range.Periods.Select(p => p.Year).Distinct().Order().ToList();
        var units = await source.UnitsAsync(cancellationToken);
        var blocks = await source.BlocksAsync(channel, years, units, cancellationToken);
        var tables = new StatisticsTables(text, blocks);
        var list = new List<StatisticsTable> { tables.Received(range.Periods) };
        if (range.Grain != Grain.Year && years.Count >= 2)
        {
            list.Add(tables.YearOverYear(range.Grain, years));
        }

        var wholeYears = years.Where(y => new Period(Grain.Year, y, 1) <= StatisticsRange.LastComplete(Grain.Year, source.Today)).ToList();
        if (wholeYears.Count > 0)
        {
            list.Add(tables.Elections(wholeYears));
        }

        list.AddRange(StatisticsDimensions.For(channel.Code, units).Select(d => tables.Dimension(d, range.Periods)));
        list.Add(tables.Shares(channel.Code, range.Periods));
        list.Add(tables.Medians(range.Periods));
        return new StatisticsReport(channels, channel, range, list, source.Options.MinimumCell, source.Options.HandlingHorizonMonths);
    }

    /// <summary>
    /// A committee's year: cases by month, every dimension by quarter and for the whole year, shares and medians,
    /// and the five years up to it with election years against the others.
    /// </summary>
    public async Task<(StatisticsReport Report, int Year)> BuildAnnualAsync(HttpContext context, string? channelCode, int? year, CancellationToken cancellationToken = default)
    {
        var channels = await VisibleChannelsAsync(context, cancellationToken);
        var channel = channels.FirstOrDefault(c => c.Code == channelCode) ?? (channels.Count > 0 ? channels[0] : null);
        var lastYear = StatisticsRange.LastComplete(Grain.Year, source.Today).Year;
        var chosen = year is { } y && y >= 1994 && y <= source.Today.Year ? y : lastYear;
        if (channel is null)
        {
            return (new StatisticsReport(channels, null, null, [], source.Options.MinimumCell, source.Options.HandlingHorizonMonths), chosen);
        }

        var years = Enumerable.Range(chosen - 4, 5).ToList();
        var units = await source.UnitsAsync(cancellationToken);
        var blocks = await source.BlocksAsync(channel, years, units, cancellationToken);
        var tables = new StatisticsTables(text, blocks);
        var yearPeriod = new Period(Grain.Year, chosen, 1);
        var months = Enumerable.Range(1, 12).Select(m => new Period(Grain.Month, chosen, m)).ToList();
        var quarters = Enumerable.Range(1, 4).Select(q => new Period(Grain.Quarter, chosen, q)).Append(yearPeriod).ToList();
        var fiveYears = years.Select(y => new Period(Grain.Year, y, 1)).ToList();
        var list = new List<StatisticsTable>
        {
            tables.Received(months),
            tables.Received(fiveYears, "received-years") with { Title = text["Statistics.Table.ReceivedYears"] },
            tables.Elections(years.Where(y => y <= lastYear).ToList()),
        };
        list.AddRange(StatisticsDimensions.For(channel.Code, units).Select(d => tables.Dimension(d, quarters)));
        list.Add(tables.Shares(channel.Code, quarters));
        list.Add(tables.Medians(quarters));
        var range = new StatisticsRange(Grain.Quarter, quarters, []);
        return (new StatisticsReport(channels, channel, range, list, source.Options.MinimumCell, source.Options.HandlingHorizonMonths), chosen);
    }
}
