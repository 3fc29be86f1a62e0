using System.Net;
using Intake.Tests.Infrastructure;
using Intake.Web.Cases;
using Intake.Web.Keys;
using Intake.Web.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Statistics;

/// <summary>
/// The threats channel's own figures: cases by the administrator's organisational units (named in the reader's
/// language, small counts hidden like every other dimension), the statutory reports made in time, and measures.
/// A year two years back: every month 10 urgent cases at the social services, decided serious and reported to
/// Arbetsmiljöverket the same day, each with one measure done; 6 cases at the housing company, not serious, an injury
/// reported to Försäkringskassan late, each with one measure still planned; and (unless a test asks for none) in March
/// two cases naming no unit, the small count the unit table must hide.
/// </summary>
public sealed class ThreatStatisticsTests : StatisticsTestBase
{
    [Fact]
    public async Task Units_AreADimension_NamedInTheReadersLanguage_WithSmallCountsHidden()
    {
        await SeedThreatYearAsync();
        using var client = await SignInAsync(StaffWorld.StatisticsUser);

        var swedish = Table(await StatisticsAsync(client, $"channel=threat&grain=year&from={Year}&to={Year}"), "unit");
        using var response = await client.Http.GetAsync(new Uri($"/en/Staff/Statistics?channel=threat&grain=year&from={Year}&to={Year}", UriKind.Relative));
        var english = Table(await StatisticsPage.TablesAsync(response), "unit");
        var months = Table(await StatisticsAsync(client, $"channel=threat&grain=month&from={Year}-01&to={Year}-12"), "unit");

        Assert.Equal("Organisatorisk enhet", swedish.Title);
        Assert.Equal(["Socialförvaltningen", "Exempelby Bostäder AB", "Ej angivet"], swedish.Rows.Select(r => r[0]));
        Assert.Equal(["Social services", "Exempelby Housing", "Not stated"], english.Rows.Select(r => r[0]));
        Assert.Equal(StatisticsPage.Hidden, swedish.Rows[2][1]);
        Assert.True(swedish.Rows.Count(r => r[1] == StatisticsPage.Hidden) >= 2, "the small count can be had from the total unless a second cell is hidden");
        Assert.All(months.Rows[0].Skip(1), c => Assert.Equal("10", c));
        Assert.DoesNotContain(months.Rows[2].Skip(1), c => c is "1" or "2");
    }

    [Fact]
    public async Task StatutoryReportsInTime_AndMeasures_AreCountedAndShared()
    {
        await SeedThreatYearAsync(withoutUnit: 0);
        using var client = await SignInAsync(StaffWorld.StatisticsUser);

        var tables = await StatisticsAsync(client, $"channel=threat&grain=year&from={Year}&to={Year}");
        string Cell(string table, string row) => Table(tables, table).Rows.Single(r => r[0] == row)[1];

        Assert.Equal("120", Cell("workEnvironment", "Anmält i tid"));
        Assert.Equal("0", Cell("workEnvironment", "Anmält för sent"));
        Assert.Equal("72", Cell("workEnvironment", "Inte allvarligt (ingen anmälan)"));
        Assert.Equal("72", Cell("socialInsurance", "Anmält för sent"));
        Assert.Equal("0", Cell("socialInsurance", "Anmält i tid"));
        Assert.Equal("120", Cell("measures", "Alla beslutade åtgärder genomförda"));
        Assert.Equal("72", Cell("measures", "Åtgärder beslutade, någon inte genomförd"));
        Assert.Equal("100 %", Cell("shares", "Anmält till Arbetsmiljöverket i tid (av allvarliga)"));
        Assert.Equal("0 %", Cell("shares", "Anmält till Försäkringskassan i tid (av skador)"));
        Assert.Equal("100 %", Cell("shares", "Anmält till Försäkringskassan (av skador)"));
        Assert.Equal("63 %", Cell("shares", "Alla åtgärder genomförda (av ärenden med åtgärder)"));
    }

    [Fact]
    public async Task AddingAUnit_ShowsItAtOnce_AndAHandlersCorrectionMovesTheCase()
    {
        await SeedThreatYearAsync();
        using var client = await SignInAsync(StaffWorld.StatisticsUser);
        var before = Table(await StatisticsAsync(client, $"channel=threat&grain=year&from={Year}&to={Year}"), "unit");

        await AddUnitsAsync(("Kultur- och fritidsförvaltningen", "Culture and leisure"));
        var after = Table(await StatisticsAsync(client, $"channel=threat&grain=year&from={Year}&to={Year}"), "unit");

        Assert.Equal(3, before.Rows.Count);
        Assert.Equal(["Socialförvaltningen", "Exempelby Bostäder AB", "Kultur- och fritidsförvaltningen", "Ej angivet"], after.Rows.Select(r => r[0]));
        Assert.Equal("0", after.Rows[2][1]);
    }

    private async Task SeedThreatYearAsync(int withoutUnit = 2)
    {
        await AddUnitsAsync(("Socialförvaltningen", "Social services"), ("Exempelby Bostäder AB", "Exempelby Housing"));
        var social = await Seeder.AddManyAsync(ChannelCodes.Threat, 120, i => new DateOnly(Year, 1 + (i % 12), 1 + (i / 12)), c =>
        {
            c.OrganisationUnit = "unit-1";
            c.IncidentTypes = "death-threat";
            c.Urgent = true;
            c.WorkEnvironmentDecidedOn = c.ReceivedOn;
            c.WorkEnvironmentReportNeeded = true;
            c.WorkEnvironmentReportedOn = c.ReceivedOn;
        });
        var housing = await Seeder.AddManyAsync(ChannelCodes.Threat, 72, i => new DateOnly(Year, 1 + (i % 12), 11 + (i / 12)), c =>
        {
            c.OrganisationUnit = "unit-2";
            c.IncidentTypes = "harassment";
            c.WorkEnvironmentDecidedOn = c.ReceivedOn.AddDays(1);
            c.WorkEnvironmentNotReportedReason = StatutoryReasons.NotSerious;
            c.SocialInsuranceReportNeeded = true;
            c.SocialInsuranceReportedOn = c.ReceivedOn.AddDays(20);
        });
        if (withoutUnit > 0)
        {
            await Seeder.AddManyAsync(ChannelCodes.Threat, withoutUnit, i => new DateOnly(Year, 3, 20 + i), c => c.IncidentTypes = "harassment");
        }

        await using var scope = App.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        foreach (var (record, done) in social.Select(r => (r, true)).Concat(housing.Select(r => (r, false))))
        {
            db.CaseMeasures.Add(new CaseMeasure
            {
                Id = Guid.NewGuid(),
                CaseId = record.Id,
                Position = 1,
                CreatedOn = record.ReceivedOn,
                DueOn = record.ReceivedOn.AddDays(14),
                Status = done ? MeasureStatus.Done : MeasureStatus.Planned,
                DoneOn = done ? record.ReceivedOn.AddDays(10) : null,
                Sealed = [1],
            });
        }

        await db.SaveChangesAsync();
    }

    private async Task AddUnitsAsync(params (string Swedish, string English)[] units)
    {
        using var admin = new StaffBrowserClient(App);
        await admin.SignInAsync(StaffWorld.AdminName);
        foreach (var (sv, en) in units)
        {
            using var added = await admin.SubmitAsync("/Staff/Admin/Units", new() { ["name[sv]"] = sv, ["name[en]"] = en }, "form[action*='handler=Add']");
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        }
    }
}
