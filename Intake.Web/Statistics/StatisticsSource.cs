using Intake.Web.Cases;
using Intake.Web.Channels;
using Intake.Web.Keys;
using Intake.Web.Organisation;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Intake.Web.Statistics;

/// <summary>
/// Reads the clear columns statistics need and builds the published blocks. Nothing here
/// opens a sealed entry or needs a key, so it serves the statistics role, handlers and the administrator alike.
/// </summary>
public sealed class StatisticsSource(
    IntakeDbContext db, CaseCalendar calendar, StatisticsCache cache, OrganisationUnits organisationUnits, IOptions<StatisticsOptions> options, IOptions<CaseOptions> deadlines)
{
    public StatisticsOptions Options => options.Value;

    public CaseOptions Deadlines => deadlines.Value;

    public DateOnly Today => calendar.Today;

    /// <summary>The last month whose figures are out: the month before this one.</summary>
    public Period LastCompleteMonth => Period.Of(Grain.Month, new DateOnly(Today.Year, Today.Month, 1).AddDays(-1));

    public async Task<IReadOnlyList<Channel>> ChannelsAsync(CancellationToken cancellationToken = default) =>
        await db.Channels.AsNoTracking().OrderBy(c => c.Code).ToListAsync(cancellationToken);

    /// <summary>The year of the first case of a channel, or null when it has none.</summary>
    public async Task<int?> FirstYearAsync(Guid channelId, CancellationToken cancellationToken = default) =>
        await db.Cases.AsNoTracking().Where(c => c.ChannelId == channelId).OrderBy(c => c.ReceivedOn)
            .Select(c => (int?)c.ReceivedOn.Year).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The administrator's organisational units in order, retired ones too, named in the current language.</summary>
    public Task<IReadOnlyList<UnitChoice>> UnitsAsync(CancellationToken cancellationToken = default) => organisationUnits.AllAsync(cancellationToken);

    /// <summary>The published blocks of a channel for the given years, with <paramref name="units"/> as the unit dimension's values.</summary>
    public async Task<IReadOnlyDictionary<int, StatisticsBlock>> BlocksAsync(
        Channel channel, IReadOnlyCollection<int> years, IReadOnlyList<UnitChoice> units, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(units);
        var unitCodes = string.Join('|', units.Select(u => u.Code));
        var blocks = new Dictionary<int, StatisticsBlock>();
        var firstUnpublished = new DateOnly(Today.Year, Today.Month, 1);
        var maxAge = TimeSpan.FromMinutes(Options.CacheMinutes);
        BlockKey Key(int year) => new(
            channel.Id, year, firstUnpublished, Options.MinimumCell, Options.HandlingHorizonMonths, Deadlines.AcknowledgementDays, Deadlines.FeedbackMonths,
            Deadlines.InjuryReportWorkingDays, unitCodes);
        foreach (var year in years.Distinct())
        {
            if (cache.Find(Key(year), maxAge) is { } cached)
            {
                blocks[year] = cached;
            }
        }

        var missing = years.Distinct().Where(y => !blocks.ContainsKey(y)).ToList();
        if (missing.Count == 0)
        {
            return blocks;
        }

        var start = new DateOnly(missing.Min(), 1, 1);
        var end = new DateOnly(missing.Max(), 12, 31);
        var cases = db.Cases.Where(c => c.ChannelId == channel.Id && c.ReceivedOn >= start && c.ReceivedOn <= end);
        var facts = await Facts(cases).ToListAsync(cancellationToken);
        if (ChannelKinds.For(channel.Code).Has(CaseSections.Measures))
        {
            var measures = (await db.CaseMeasures.AsNoTracking().Where(m => cases.Select(c => c.Id).Contains(m.CaseId))
                .Select(m => new { m.CaseId, Fact = new MeasureFact(m.CreatedOn, m.Status, m.DoneOn) }).ToListAsync(cancellationToken))
                .ToLookup(m => m.CaseId, m => m.Fact);
            facts = [.. facts.Select(f => measures.Contains(f.Id) ? f with { Measures = [.. measures[f.Id]] } : f)];
        }

        var byYear = facts.ToLookup(f => f.ReceivedOn.Year);
        foreach (var year in missing)
        {
            blocks[year] = StatisticsBlock.Build(channel.Code, year, [.. byYear[year]], Today, Options, Deadlines, units);
            cache.Keep(Key(year), blocks[year]);
        }

        return blocks;
    }

    private static IQueryable<CaseFacts> Facts(IQueryable<CaseRecord> cases) =>
        cases.AsNoTracking().Select(c => new CaseFacts(
            c.ReceivedOn, c.Origin, c.Category, c.ReporterRole, c.IncidentTypes, c.IncidentPlace, c.ContactChannels, c.PoliceReported,
            c.AcknowledgementDeclined, c.AcknowledgedOn, c.FeedbackGivenOn, c.ClosedOn, c.Outcome, c.WorkEnvironmentReportedOn,
            c.SocialInsuranceReportedOn, c.Id, c.OrganisationUnit, c.WorkEnvironmentDecidedOn, c.WorkEnvironmentReportNeeded,
            c.SocialInsuranceReportNeeded));
}
