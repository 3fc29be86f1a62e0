using System.Globalization;
using Intake.Tests.Infrastructure;
using Intake.Web.Cases;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Statistics;

/// <summary>
/// The attacks of docs/statistics.md against the real pages: each tries to recover the two bribery cases of one
/// March (or any other hidden figure) and must fail.
/// </summary>
public sealed class StatisticsDisclosureTests : StatisticsTestBase
{
    /// <summary>The whistleblowing dimensions whose values add up to the cases received.</summary>
    private static readonly string[] _exclusive = ["category", "origin", "acknowledgement", "feedback", "state"];

    [Fact]
    public async Task TotalsOtherTablesAndOtherGrains_TogetherRecoverNoHiddenFigure()
    {
        await SeedWhistleblowingYearAsync();
        using var client = await SignInAsync(StaffWorld.StatisticsUser);
        var y = Year.ToString(CultureInfo.InvariantCulture);

        var months = await StatisticsAsync(client, $"channel=whistleblowing&grain=month&from={y}-01&to={y}-12");
        var quarters = await StatisticsAsync(client, $"channel=whistleblowing&grain=quarter&from={y}-Q1&to={y}-Q4");
        var years = await StatisticsAsync(client, $"channel=whistleblowing&grain=year&from={y}&to={y}");

        var bribery = Table(months, "category").Rows.Single(r => r[0] == "Mutor och korruption");
        Assert.Equal(StatisticsPage.Hidden, bribery[3]);
        Assert.DoesNotContain(months.Concat(quarters).Concat(years).Where(t => t.Id is not "shares" and not "medians" and not "elections").SelectMany(t => t.Cells),
            c => long.TryParse(c.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and < 5);

        var attacker = new DisclosureAttacker();
        var monthLabels = Enumerable.Range(1, 12).Select(m => $"{y}-{m:00}").ToList();
        var quarterLabels = Enumerable.Range(1, 4).Select(q => $"{y}-Q{q}").ToList();
        Collect(attacker, months, [.. monthLabels]);
        Collect(attacker, quarters, [.. quarterLabels]);
        Collect(attacker, years, [y]);
        foreach (var row in RowsOf(months))
        {
            for (var q = 0; q < 4; q++)
            {
                attacker.Sum($"{row}|{quarterLabels[q]}", [.. monthLabels.Skip(q * 3).Take(3).Select(m => $"{row}|{m}")]);
            }

            attacker.Sum($"{row}|{y}", [.. quarterLabels.Select(q => $"{row}|{q}")]);
        }

        foreach (var period in monthLabels.Concat(quarterLabels).Append(y))
        {
            foreach (var table in months.Where(t => _exclusive.Contains(t.Id)))
            {
                attacker.Sum($"received|{period}", [.. table.Rows.Select(r => $"{table.Id}|{r[0]}|{period}")]);
            }

            var outcomes = Table(months, "outcome").Rows.Select(r => $"outcome|{r[0]}|{period}");
            attacker.Sum($"state|{Table(months, "state").Rows[0][0]}|{period}", [.. outcomes]);
        }

        Assert.NotEmpty(attacker.HiddenCells);
        Assert.Empty(attacker.Recover());
    }

    [Fact]
    public async Task RangesThatDifferByADay_CannotBeAskedFor_AndOverlappingRangesShowTheSameFigures()
    {
        await SeedWhistleblowingYearAsync();
        using var client = await SignInAsync(StaffWorld.StatisticsUser);
        var y = Year.ToString(CultureInfo.InvariantCulture);

        using var byDay = await client.Http.GetAsync(new Uri($"/Staff/Statistics?grain=month&from={y}-03-01&to={y}-03-31", UriKind.Relative));
        var byDayPage = await Html.ParseAsync(byDay);
        Assert.NotNull(byDayPage.QuerySelector("[role=alert]"));
        Assert.DoesNotContain(StatisticsPage.Tables(byDayPage).SelectMany(t => t.Header), h => h.Contains("-03-01", StringComparison.Ordinal));

        var six = await StatisticsAsync(client, $"grain=month&from={y}-01&to={y}-06");
        var seven = await StatisticsAsync(client, $"grain=month&from={y}-01&to={y}-07");
        foreach (var table in six.Where(t => t.Id is not "elections"))
        {
            var longer = Table(seven, table.Id);
            Assert.Equal(table.Header.Count + 1, longer.Header.Count);
            for (var r = 0; r < table.Rows.Count; r++)
            {
                Assert.Equal(table.Rows[r], longer.Rows[r].Take(table.Rows[r].Count));
            }
        }
    }

    [Fact]
    public async Task FiltersCannotBeCombined_AndAHandlerSeesExactlyTheFiguresTheStatisticsRoleSees()
    {
        await SeedWhistleblowingYearAsync();
        var query = $"channel=whistleblowing&grain=quarter&from={Year}-Q1&to={Year}-Q4";
        using var statistics = await SignInAsync(StaffWorld.StatisticsUser);
        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);
        using var threatHandler = await SignInAsync(StaffWorld.ThreatHandler);

        var seen = await StatisticsAsync(statistics, query);
        Assert.Equal(seen, await StatisticsAsync(handler, query), new TablesEqual());
        Assert.Equal(seen, await StatisticsAsync(statistics, query + "&channel=threat"), new TablesEqual());
        Assert.Equal(seen, await StatisticsAsync(statistics, $"channel=all&grain=quarter&from={Year}-Q1&to={Year}-Q4"), new TablesEqual());
        Assert.DoesNotContain(await StatisticsAsync(threatHandler, query), t => t.Id == "category");
    }

    [Fact]
    public async Task HandlingAfterTheHorizon_ChangesNoPublishedFigure()
    {
        await SeedWhistleblowingYearAsync();
        using var client = await SignInAsync(StaffWorld.StatisticsUser);
        var query = $"grain=month&from={Year}-01&to={Year}-12";
        var before = await StatisticsAsync(client, query);

        await using (var scope = App.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            var bribery = await db.Cases.Where(c => c.Category == "bribery").ToListAsync();
            foreach (var record in bribery)
            {
                record.Status = CaseStatus.Closed;
                record.ClosedOn = Today;
                record.Outcome = CaseOutcomes.Withdrawn;
                record.FeedbackGivenOn = Today;
            }

            await db.SaveChangesAsync();
        }

        Assert.Equal(before, await StatisticsAsync(client, query), new TablesEqual());
    }

    private static IEnumerable<string> RowsOf(IReadOnlyList<PublishedTable> tables) =>
        tables.Where(t => t.Id != "shares" && t.Id != "medians" && t.Id != "elections" && t.Id != "year-over-year")
            .SelectMany(t => t.Id == "received" ? ["received"] : t.Rows.Select(r => $"{t.Id}|{r[0]}"));

    private static void Collect(DisclosureAttacker attacker, IReadOnlyList<PublishedTable> tables, string[] periods)
    {
        foreach (var table in tables.Where(t => t.Id is not "shares" and not "medians" and not "elections" and not "year-over-year"))
        {
            foreach (var row in table.Rows)
            {
                var name = table.Id == "received" ? "received" : $"{table.Id}|{row[0]}";
                for (var c = 1; c < row.Count; c++)
                {
                    var cell = $"{name}|{periods[c - 1]}";
                    if (row[c] == StatisticsPage.Hidden)
                    {
                        attacker.Hidden(cell);
                    }
                    else if (long.TryParse(row[c], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                    {
                        attacker.Shown(cell, value);
                    }
                }
            }
        }
    }

    private sealed class TablesEqual : IEqualityComparer<PublishedTable>
    {
        public bool Equals(PublishedTable? x, PublishedTable? y) =>
            x is not null && y is not null && x.Id == y.Id && x.Header.SequenceEqual(y.Header)
            && x.Rows.Count == y.Rows.Count && x.Rows.Zip(y.Rows).All(p => p.First.SequenceEqual(p.Second));

        public int GetHashCode(PublishedTable obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}
