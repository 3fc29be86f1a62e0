using Intake.Web.Cases;
using Intake.Web.Channels;
using Microsoft.Extensions.Options;

namespace Intake.Tests.Web.Cases;

/// <summary>The threats-and-violence deadline rules and Swedish working days, on fixed days.</summary>
public sealed class ThreatDeadlineRulesTests
{
    private static readonly CaseDeadlines _deadlines = new(Options.Create(new CaseOptions()));

    private static DateOnly D(string day) => DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-12-02", "2026-12-03")] // Wednesday → Thursday
    [InlineData("2026-12-04", "2026-12-07")] // Friday → Monday
    [InlineData("2026-12-23", "2026-12-28")] // Christmas Eve, Day, Boxing Day and a weekend
    [InlineData("2026-04-02", "2026-04-07")] // Good Friday, the weekend and Easter Monday
    [InlineData("2026-06-18", "2026-06-22")] // Midsummer Eve
    [InlineData("2026-12-30", "2027-01-04")] // New Year's Eve and Day
    public void NextWorkingDay_SkipsWeekendsAndHolidays(string from, string expected) =>
        Assert.Equal(D(expected), WorkingDays.Swedish.Add(D(from), 1));

    [Fact]
    public void ThreatCase_HasNoWhistleblowingDeadlines()
    {
        var record = new CaseRecord { ReceivedOn = D("2026-12-02") };

        var open = _deadlines.Apply(record, ChannelKinds.Threat, []);

        Assert.Empty(open);
        Assert.Null(record.AcknowledgementDue);
        Assert.Null(record.FeedbackDue);
        Assert.Null(record.NextDeadline);
    }

    [Fact]
    public void UrgentNamedCallInjury_GiveEachTheirDeadline_EarliestFirst()
    {
        var record = new CaseRecord
        {
            ReceivedOn = D("2026-12-04"),
            Urgent = true,
            FirstContactRequested = true,
            SocialInsuranceReportNeeded = true,
            FollowUpOn = D("2026-12-20"),
        };
        var measure = new CaseMeasure { Id = Guid.NewGuid(), Status = MeasureStatus.Planned, DueOn = D("2026-12-10") };

        var open = _deadlines.Apply(record, ChannelKinds.Threat, [measure]);

        Assert.Equal(
            [(DeadlineKinds.WorkEnvironmentDecision, D("2026-12-04")), (DeadlineKinds.FirstContact, D("2026-12-07")), (DeadlineKinds.SocialInsuranceReport, D("2026-12-07")),
             (DeadlineKinds.Measure, D("2026-12-10")), (DeadlineKinds.FollowUp, D("2026-12-20"))],
            open.Select(d => (d.Kind, d.Due)));
        Assert.Equal(D("2026-12-04"), record.NextDeadline);
        Assert.Equal(DeadlineKinds.WorkEnvironmentDecision, record.NextDeadlineKind);
    }

    [Fact]
    public void RecordedDecisionsAndDoneMeasures_CloseTheirDeadlines()
    {
        var record = new CaseRecord
        {
            ReceivedOn = D("2026-12-04"),
            Urgent = true,
            WorkEnvironmentDecidedOn = D("2026-12-04"),
            WorkEnvironmentReportNeeded = true,
            FirstContactRequested = true,
            FirstContactOn = D("2026-12-04"),
        };
        var done = new CaseMeasure { Status = MeasureStatus.Done, DueOn = D("2026-12-10") };
        var cancelled = new CaseMeasure { Status = MeasureStatus.Cancelled, DueOn = D("2026-12-11") };

        var open = _deadlines.Apply(record, ChannelKinds.Threat, [done, cancelled]);

        // The decision is recorded; the report it requires is due the same day until its day is recorded.
        Assert.Equal([(DeadlineKinds.WorkEnvironmentReport, D("2026-12-04"))], open.Select(d => (d.Kind, d.Due)));
        record.WorkEnvironmentReportedOn = D("2026-12-04");
        Assert.Empty(_deadlines.Apply(record, ChannelKinds.Threat, [done, cancelled]));
    }

    [Fact]
    public void FirstContact_IsConfigurable()
    {
        var deadlines = new CaseDeadlines(Options.Create(new CaseOptions { FirstContactWorkingDays = 3 }));
        var record = new CaseRecord { ReceivedOn = D("2026-12-02"), FirstContactRequested = true };

        deadlines.Apply(record, ChannelKinds.Threat, []);

        Assert.Equal(D("2026-12-07"), record.NextDeadline);
    }

    [Fact]
    public void ClosedCase_HasNoDeadline()
    {
        var record = new CaseRecord { ReceivedOn = D("2026-12-02"), Urgent = true, Status = CaseStatus.Closed };

        Assert.Empty(_deadlines.Apply(record, ChannelKinds.Threat, []));
        Assert.Null(record.NextDeadline);
    }

    [Fact]
    public void UnknownChannelCode_IsAnError_NotASilentDefault() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ChannelKinds.For("third-channel"));
}
