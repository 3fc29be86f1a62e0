using Intake.Tests.Infrastructure;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Cases;

/// <summary>A report sent just after midnight Swedish time counts from that Swedish day, through the real form.</summary>
public sealed class ReceivedDayTests : OrganisationTestBase
{
    [Theory]
    // 00:30 on the last Sunday of March 2026 (still winter time, +1) is 23:30 UTC on Saturday.
    [InlineData("2026-03-28T23:30:00Z", "2026-03-29", "2026-04-05", "2026-07-05")]
    // 00:30 on the last Sunday of October 2026 (still summer time, +2) is 22:30 UTC on Saturday.
    [InlineData("2026-10-24T22:30:00Z", "2026-10-25", "2026-11-01", "2027-02-01")]
    // 00:30 on New Year's Day.
    [InlineData("2026-12-31T23:30:00Z", "2027-01-01", "2027-01-08", "2027-04-08")]
    public async Task ReportAfterSwedishMidnight_CountsFromTheSwedishDay(string utc, string receivedOn, string acknowledgementDue, string feedbackDue)
    {
        App.Clock.Advance(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture) - App.Clock.GetUtcNow());
        using var reporter = new ReporterClient(App);

        var (response, _) = await reporter.SubmitAsync("/report/whistleblowing", ReporterClient.MinimalWhistleblowing("a report at night"));

        Assert.Equal("/report/receipt", response.RequestMessage!.RequestUri!.AbsolutePath);
        await using var scope = App.CreateScope();
        var record = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.AsNoTracking().SingleAsync();
        Assert.Equal(DateOnly.Parse(receivedOn, System.Globalization.CultureInfo.InvariantCulture), record.ReceivedOn);
        Assert.Equal(DateOnly.Parse(acknowledgementDue, System.Globalization.CultureInfo.InvariantCulture), record.AcknowledgementDue);
        Assert.Equal(DateOnly.Parse(feedbackDue, System.Globalization.CultureInfo.InvariantCulture), record.FeedbackDue);
        Assert.Equal(record.AcknowledgementDue, record.NextDeadline);
        Assert.Equal(int.Parse(receivedOn[..4], System.Globalization.CultureInfo.InvariantCulture), record.Year);
    }
}
