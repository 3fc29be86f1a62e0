using System.Globalization;
using System.Net;
using Intake.Tests.Infrastructure;
using Intake.Web.Cases;
using Intake.Web.Keys;

namespace Intake.Tests.Web.Statistics;

/// <summary>The statistics pages as a reader uses them: tables and charts, CSV files, the annual report, bad input.</summary>
public sealed class StatisticsPageTests : StatisticsTestBase
{
    [Theory]
    [InlineData("/Staff/Statistics?channel=whistleblowing&grain=month&from={0}-01&to={0}-12")]
    [InlineData("/Staff/Statistics?channel=whistleblowing&grain=quarter&from={0}-Q1&to={1}-Q2")]
    [InlineData("/en/Staff/Statistics/Annual?channel=whistleblowing&year={0}")]
    public async Task Csv_HasExactlyTheTablesOfThePage(string template)
    {
        await SeedWhistleblowingYearAsync();
        using var client = await SignInAsync(StaffWorld.StatisticsUser);
        var address = string.Format(CultureInfo.InvariantCulture, template, Year, Year + 1);

        using var page = await client.Http.GetAsync(new Uri(address, UriKind.Relative));
        var tables = await StatisticsPage.TablesAsync(page);
        using var csv = await client.Http.GetAsync(new Uri(address + "&format=csv", UriKind.Relative));

        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", csv.Content.Headers.ContentDisposition!.DispositionType);
        var exported = StatisticsPage.ParseCsv(await csv.Content.ReadAsByteArrayAsync());
        Assert.Equal(tables.Count, exported.Count);
        foreach (var (shown, file) in tables.Zip(exported))
        {
            Assert.Equal(shown.Title, file.Title);
            Assert.Equal(shown.Header, file.Header);
            Assert.Equal(shown.Rows.Count, file.Rows.Count);
            foreach (var (row, fileRow) in shown.Rows.Zip(file.Rows))
            {
                Assert.Equal(row, fileRow);
            }
        }

        using var one = await client.Http.GetAsync(new Uri(address + "&format=csv&table=received", UriKind.Relative));
        Assert.Equal(tables.Single(t => t.Id == "received").Rows, StatisticsPage.ParseCsv(await one.Content.ReadAsByteArrayAsync()).Single().Rows);
        using var unknown = await client.Http.GetAsync(new Uri(address + "&format=csv&table=nothing", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Page_DrawsEachChartAsInlineSvg_WithoutScriptOrAnotherHost()
    {
        await SeedWhistleblowingYearAsync();
        using var client = await SignInAsync(StaffWorld.WhistleblowingHandler);

        using var response = await client.Http.GetAsync(new Uri($"/Staff/Statistics?grain=month&from={Year}-01&to={Year}-12", UriKind.Relative));
        var page = await Html.ParseAsync(response);

        Assert.Empty(page.QuerySelectorAll("script"));
        var charts = page.QuerySelectorAll("figure.stat-chart svg[role=img]");
        Assert.NotEmpty(charts);
        Assert.All(charts, svg => Assert.NotNull(svg.QuerySelector("title")));
        Assert.NotEmpty(page.QuerySelectorAll("figure.stat-chart svg rect"));
        var addresses = page.QuerySelectorAll("[src], [href]").Select(e => e.GetAttribute("src") ?? e.GetAttribute("href")!).ToList();
        Assert.All(addresses, a => Assert.False(Uri.TryCreate(a, UriKind.Absolute, out var uri) && uri.Scheme.StartsWith("http", StringComparison.Ordinal), a));
        Assert.Contains(page.QuerySelectorAll("link[rel=stylesheet]"), l => l.GetAttribute("href")!.StartsWith("/css/statistics.css", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DisposedCases_StillCount()
    {
        var day = new DateOnly(Year, 5, 3);
        await Seeder.AddManyAsync(ChannelCodes.Whistleblowing, 6, _ => day, c =>
        {
            c.Category = "procurement";
            c.Status = CaseStatus.Closed;
            c.ClosedOn = day.AddDays(10);
            c.Outcome = CaseOutcomes.NoWrongdoingFound;
            c.DisposedOn = day.AddYears(2);
        });
        using var client = await SignInAsync(StaffWorld.StatisticsUser);

        var tables = await StatisticsAsync(client, $"grain=month&from={Year}-05&to={Year}-05");

        Assert.Equal("6", Table(tables, "received").Rows[0][1]);
        Assert.Equal("6", Table(tables, "category").Rows.Single(r => r[0] == "Oegentligheter vid upphandling")[1]);
        Assert.Equal("6", Table(tables, "outcome").Rows.Single(r => r[0] == "Inga missförhållanden konstaterade")[1]);
    }

    [Fact]
    public async Task AChangedCase_IsCountedAtTheNextRequest_ThoughYearsAreKeptInMemory()
    {
        var day = new DateOnly(Year, 6, 3);
        await Seeder.AddManyAsync(ChannelCodes.Whistleblowing, 7, _ => day);
        using var client = await SignInAsync(StaffWorld.StatisticsUser);
        var query = $"grain=month&from={Year}-06&to={Year}-06";
        Assert.Equal("7", Table(await StatisticsAsync(client, query), "received").Rows[0][1]);

        await Seeder.AddManyAsync(ChannelCodes.Whistleblowing, 5, _ => day);

        Assert.Equal("12", Table(await StatisticsAsync(client, query), "received").Rows[0][1]);
    }

    [Theory]
    [InlineData("grain=week", "Indelningen kunde inte läsas")]
    [InlineData("grain=month&from=2020-13", "Startperioden kunde inte läsas")]
    [InlineData("grain=month&to=yesterday", "Slutperioden kunde inte läsas")]
    [InlineData("grain=month&from=2000-01", "Intervallet var för långt")]
    public async Task BadInput_IsNamedInTheLanguageOfThePage_AndTheDefaultIsShown(string query, string message)
    {
        await Seeder.AddAsync(ChannelCodes.Whistleblowing, new DateOnly(2001, 1, 1));
        using var client = await SignInAsync(StaffWorld.StatisticsUser);

        using var response = await client.Http.GetAsync(new Uri("/Staff/Statistics?" + query, UriKind.Relative));
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(StatisticsPage.Tables(page));
    }

    [Fact]
    public async Task EnglishPage_SpeaksEnglish_AndElectionYearsAreComparedWithOtherYears()
    {
        var first = Today.Year - 5;
        for (var year = first; year < Today.Year; year++)
        {
            await Seeder.AddManyAsync(ChannelCodes.Threat, Intake.Web.Statistics.ElectionYears.IsElectionYear(year) ? 40 : 20,
                i => new DateOnly(year, 1 + (i % 12), 5), c => c.ReporterRole = "elected");
        }

        using var client = await SignInAsync(StaffWorld.StatisticsUser);
        using var response = await client.Http.GetAsync(new Uri($"/en/Staff/Statistics?channel=threat&grain=year&from={first}&to={Today.Year - 1}", UriKind.Relative));
        var tables = await StatisticsPage.TablesAsync(response);

        var elections = Table(tables, "elections");
        Assert.Equal("Election years against other years", elections.Title);
        Assert.Equal("40.0", elections.Rows[0][2]);
        Assert.Equal("20.0", elections.Rows[1][2]);
        Assert.Contains(Table(tables, "role").Rows, r => r[0] == "Other elected official (member, substitute)");
    }
}
