using Intake.Tests.Infrastructure;
using Intake.Tests.Web.Cases;
using Intake.Web.Cases;
using Intake.Web.Keys;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Statistics;

/// <summary>
/// An organisation with a whistleblowing year two years back, seeded straight into the database: every month 20
/// fraud cases (acknowledged and answered in time, closed with measures taken) and 8 procurement cases (open), and
/// in March two bribery cases, the small count the tests try to uncover.
/// </summary>
public abstract class StatisticsTestBase : OrganisationTestBase
{
    private CaseSeeder? _seeder;

    protected DateOnly Today => App.Services.GetRequiredService<CaseCalendar>().Today;

    /// <summary>A whole year whose handling horizon has passed too.</summary>
    protected int Year => Today.Year - 2;

    protected CaseSeeder Seeder => _seeder ??= new CaseSeeder(App);

    protected async Task SeedWhistleblowingYearAsync()
    {
        for (var month = 1; month <= 12; month++)
        {
            var first = new DateOnly(Year, month, 1);
            await Seeder.AddManyAsync(ChannelCodes.Whistleblowing, 20, i => first.AddDays(i % 28), c =>
            {
                c.Category = "fraud";
                c.AcknowledgedOn = c.ReceivedOn.AddDays(2);
                c.FeedbackGivenOn = c.ReceivedOn.AddDays(40);
                c.Status = CaseStatus.Closed;
                c.ClosedOn = c.ReceivedOn.AddDays(60);
                c.Outcome = CaseOutcomes.MeasuresTaken;
            });
            await Seeder.AddManyAsync(ChannelCodes.Whistleblowing, 8, i => first.AddDays(i), c =>
            {
                c.Category = "procurement";
                c.AcknowledgedOn = c.ReceivedOn.AddDays(3);
                c.Status = CaseStatus.UnderInvestigation;
            });
        }

        await Seeder.AddManyAsync(ChannelCodes.Whistleblowing, 2, i => new DateOnly(Year, 3, 10 + i), c =>
        {
            c.Category = "bribery";
            c.AcknowledgedOn = c.ReceivedOn.AddDays(1);
            c.Status = CaseStatus.Acknowledged;
        });
    }

    protected async Task<StaffBrowserClient> SignInAsync(string username)
    {
        var client = new StaffBrowserClient(App);
        await client.SignInAsync(username);
        return client;
    }

    protected static async Task<IReadOnlyList<PublishedTable>> StatisticsAsync(StaffBrowserClient client, string query)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.Http.GetAsync(new Uri("/Staff/Statistics?" + query, UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await StatisticsPage.TablesAsync(response);
    }

    protected static PublishedTable Table(IReadOnlyList<PublishedTable> tables, string id) => tables.Single(t => t.Id == id);
}
