using Intake.Web.Cases;
using Intake.Web.Channels;
using Microsoft.Extensions.Options;

namespace Intake.Tests.Web.Cases;

/// <summary>
/// The law's deadlines (acknowledge within 7 days, feedback within 3 months) as calendar arithmetic in Swedish
/// days: month ends, leap days, year end, daylight saving, declined or early acknowledgement, closed cases.
/// </summary>
public sealed class DeadlineTests
{
    private static readonly CaseDeadlines _deadlines = new(Options.Create(new CaseOptions()));

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static CaseRecord Received(string receivedOn, bool declined = false, string? acknowledgedOn = null)
    {
        var record = new CaseRecord
        {
            ReceivedOn = D(receivedOn),
            AcknowledgementDeclined = declined,
            AcknowledgedOn = acknowledgedOn is null ? null : D(acknowledgedOn),
            Status = acknowledgedOn is null ? CaseStatus.Received : CaseStatus.Acknowledged,
        };
        _deadlines.Apply(record, ChannelKinds.Whistleblowing, []);
        return record;
    }

    private static CaseCalendar CalendarAt(DateTimeOffset now) => new(new FixedClock(now), Options.Create(new CaseOptions()));

    // ---- Swedish calendar days ------------------------------------------------------------------------------

    [Theory]
    // Last Sunday of March 2026 (29th): 00:30 is still winter time (UTC+1), so 23:30 UTC on Saturday is Sunday.
    [InlineData("2026-03-28T23:30:00Z", "2026-03-29")]
    [InlineData("2026-03-28T22:59:59Z", "2026-03-28")]
    // After the change at 02:00 (03:00 summer time) the offset is +2.
    [InlineData("2026-03-29T01:30:00Z", "2026-03-29")]
    [InlineData("2026-03-29T22:00:00Z", "2026-03-30")]
    [InlineData("2026-03-29T21:59:59Z", "2026-03-29")]
    // Last Sunday of October 2026 (25th): 00:30 is still summer time (UTC+2), so 22:30 UTC on Saturday is Sunday.
    [InlineData("2026-10-24T22:30:00Z", "2026-10-25")]
    [InlineData("2026-10-24T21:59:59Z", "2026-10-24")]
    // The repeated hour 02:00–03:00 and the evening after the change (winter time, +1).
    [InlineData("2026-10-25T00:30:00Z", "2026-10-25")]
    [InlineData("2026-10-25T01:30:00Z", "2026-10-25")]
    [InlineData("2026-10-25T23:00:00Z", "2026-10-26")]
    [InlineData("2026-10-25T22:59:59Z", "2026-10-25")]
    // Year end in winter: 23:30 UTC on 31 December is already New Year's Day.
    [InlineData("2026-12-31T23:30:00Z", "2027-01-01")]
    [InlineData("2026-12-31T22:59:59Z", "2026-12-31")]
    // Midsummer (+2) and the leap day.
    [InlineData("2026-06-30T22:00:00Z", "2026-07-01")]
    [InlineData("2028-02-28T23:00:00Z", "2028-02-29")]
    [InlineData("2028-02-29T22:59:59Z", "2028-02-29")]
    [InlineData("2028-02-29T23:00:00Z", "2028-03-01")]
    public void Today_IsTheSwedishCalendarDay(string utc, string expected)
    {
        var instant = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);

        var calendar = CalendarAt(instant);

        Assert.Equal(D(expected), calendar.Today);
        Assert.Equal(D(expected), calendar.DayOf(instant));
    }

    [Fact]
    public void DayOf_IgnoresTheOffsetTheInstantCarries()
    {
        var calendar = CalendarAt(DateTimeOffset.UnixEpoch);
        // 08:30 in New York on 31 December is 14:30 in Stockholm; 20:00 there is already 02:00 on 1 January here.
        Assert.Equal(D("2026-12-31"), calendar.DayOf(new DateTimeOffset(2026, 12, 31, 8, 30, 0, TimeSpan.FromHours(-5))));
        Assert.Equal(D("2027-01-01"), calendar.DayOf(new DateTimeOffset(2026, 12, 31, 20, 0, 0, TimeSpan.FromHours(-5))));
    }

    [Fact]
    public void Today_FollowsTheInjectedClock()
    {
        var clock = new FixedClock(DateTimeOffset.Parse("2026-03-28T22:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var calendar = new CaseCalendar(clock, Options.Create(new CaseOptions()));
        Assert.Equal(D("2026-03-28"), calendar.Today);

        clock.Now += TimeSpan.FromHours(1);

        Assert.Equal(D("2026-03-29"), calendar.Today);
    }

    [Fact]
    public void UnknownTimeZone_IsAClearConfigurationError()
    {
        var ex = Assert.Throws<InvalidOperationException>(() =>
            new CaseCalendar(TimeProvider.System, Options.Create(new CaseOptions { TimeZone = "Europe/Nowhere" })));
        Assert.Contains("Intake:Cases:TimeZone", ex.Message, StringComparison.Ordinal);
    }

    // ---- Deadlines ------------------------------------------------------------------------------------------

    [Theory]
    // Plain: 7 days, then 3 months from the end of those 7 days.
    [InlineData("2026-03-02", "2026-03-09", "2026-06-09")]
    // Year end: receipt between Christmas and New Year.
    [InlineData("2026-12-28", "2027-01-04", "2027-04-04")]
    [InlineData("2026-12-31", "2027-01-07", "2027-04-07")]
    // The 7 days end on 30 November: 3 months later is the end of February (28th in 2027, 29th in 2028).
    [InlineData("2026-11-23", "2026-11-30", "2027-02-28")]
    [InlineData("2027-11-23", "2027-11-30", "2028-02-29")]
    // Window ending on 31 October: end of January has 31 days.
    [InlineData("2026-10-24", "2026-10-31", "2027-01-31")]
    // Leap day receipts, and windows spanning the leap day.
    [InlineData("2028-02-29", "2028-03-07", "2028-06-07")]
    [InlineData("2028-02-28", "2028-03-06", "2028-06-06")]
    [InlineData("2027-02-28", "2027-03-07", "2027-06-07")]
    // The window ends on 29 February 2028: 3 months later is 29 May.
    [InlineData("2028-02-22", "2028-02-29", "2028-05-29")]
    public void NoAcknowledgementYet_AcknowledgementDueIn7Days_FeedbackIn3MonthsFromTheirEnd(string received, string acknowledgementDue, string feedbackDue)
    {
        var record = Received(received);

        Assert.Equal(D(acknowledgementDue), record.AcknowledgementDue);
        Assert.Equal(D(feedbackDue), record.FeedbackDue);
        Assert.Equal(D(acknowledgementDue), record.NextDeadline);
    }

    [Theory]
    [InlineData("2026-11-28", "2026-11-30", "2027-02-28")]
    [InlineData("2027-11-25", "2027-11-30", "2028-02-29")]
    [InlineData("2026-11-29", "2026-11-29", "2027-02-28")]
    [InlineData("2028-02-25", "2028-02-29", "2028-05-29")]
    [InlineData("2026-08-30", "2026-08-31", "2026-11-30")]
    [InlineData("2026-12-30", "2026-12-31", "2027-03-31")]
    public void Acknowledged_FeedbackIs3MonthsFromTheAcknowledgement(string received, string acknowledged, string feedbackDue)
    {
        var record = Received(received, acknowledgedOn: acknowledged);

        Assert.Equal(D(feedbackDue), record.FeedbackDue);
        Assert.Equal(D(feedbackDue), record.NextDeadline);
    }

    [Fact]
    public void AcknowledgementSentEarly_FeedbackCountsFromTheDayItWasSent()
    {
        // Received 2 March, acknowledged the next day: feedback by 3 June, not 9 June (end of the 7 days + 3 months).
        var record = Received("2026-03-02", acknowledgedOn: "2026-03-03");

        Assert.Equal(D("2026-03-09"), record.AcknowledgementDue);
        Assert.Equal(D("2026-06-03"), record.FeedbackDue);
        Assert.Equal(D("2026-06-03"), record.NextDeadline);
    }

    [Fact]
    public void AcknowledgementDeclined_NoAcknowledgementDue_FeedbackFromTheEndOfThe7Days()
    {
        var record = Received("2026-11-23", declined: true);

        Assert.Null(record.AcknowledgementDue);
        Assert.Equal(D("2027-02-28"), record.FeedbackDue);
        Assert.Equal(D("2027-02-28"), record.NextDeadline);
        Assert.False(CaseDeadlines.IsOverdue(record, D("2026-12-15")));
    }

    [Fact]
    public void Overdue_OnlyTheDayAfterTheDueDay()
    {
        var record = Received("2026-03-02");

        Assert.False(CaseDeadlines.IsOverdue(record, D("2026-03-08")));
        Assert.False(CaseDeadlines.IsOverdue(record, D("2026-03-09")));
        Assert.True(CaseDeadlines.IsOverdue(record, D("2026-03-10")));
    }

    [Fact]
    public void Overdue_FeedbackAfterAcknowledgement_OnlyAfterItsDueDay()
    {
        var record = Received("2026-11-25", acknowledgedOn: "2026-11-30");

        Assert.False(CaseDeadlines.IsOverdue(record, D("2027-02-28")));
        Assert.True(CaseDeadlines.IsOverdue(record, D("2027-03-01")));
    }

    [Fact]
    public void AcknowledgingALateCase_MovesTheNextDeadlineToFeedback()
    {
        var record = Received("2026-03-02");
        Assert.True(CaseDeadlines.IsOverdue(record, D("2026-03-12")));

        record.AcknowledgedOn = D("2026-03-12");
        record.Status = CaseStatus.Acknowledged;
        _deadlines.Apply(record, ChannelKinds.Whistleblowing, []);

        Assert.Equal(D("2026-06-12"), record.NextDeadline);
        Assert.False(CaseDeadlines.IsOverdue(record, D("2026-03-12")));
    }

    [Fact]
    public void FeedbackGiven_NoDeadlineLeft()
    {
        var record = Received("2026-03-02", acknowledgedOn: "2026-03-03");
        record.FeedbackGivenOn = D("2026-05-01");
        record.Status = CaseStatus.FeedbackGiven;
        _deadlines.Apply(record, ChannelKinds.Whistleblowing, []);

        Assert.Null(record.NextDeadline);
        Assert.False(CaseDeadlines.IsOverdue(record, D("2030-01-01")));
    }

    [Fact]
    public void ClosedCase_HasNoDeadline_EvenWhenNothingWasSent()
    {
        var record = Received("2026-03-02");
        record.Status = CaseStatus.Closed;
        record.ClosedOn = D("2026-03-05");
        _deadlines.Apply(record, ChannelKinds.Whistleblowing, []);

        Assert.Null(record.NextDeadline);
        Assert.False(CaseDeadlines.IsOverdue(record, D("2027-01-01")));
    }

    [Fact]
    public void FeedbackGivenStatus_WithoutARecordedDay_HasNoDeadlineLeft()
    {
        var record = Received("2026-03-02", acknowledgedOn: "2026-03-03");
        record.Status = CaseStatus.FeedbackGiven;
        _deadlines.Apply(record, ChannelKinds.Whistleblowing, []);

        Assert.Null(record.NextDeadline);
        Assert.False(CaseDeadlines.IsOverdue(record, D("2027-01-01")));
    }

    [Fact]
    public void DisposedCase_HasNoDeadline()
    {
        var record = Received("2020-03-02");
        record.DisposedOn = D("2024-01-01");
        _deadlines.Apply(record, ChannelKinds.Whistleblowing, []);

        Assert.Null(record.NextDeadline);
    }

    [Fact]
    public void Apply_IsRepeatable()
    {
        var record = Received("2026-11-23", acknowledgedOn: "2026-11-30");
        var first = (record.AcknowledgementDue, record.FeedbackDue, record.NextDeadline);

        _deadlines.Apply(record, ChannelKinds.Whistleblowing, []);

        Assert.Equal(first, (record.AcknowledgementDue, record.FeedbackDue, record.NextDeadline));
    }

    [Theory]
    [InlineData("2026-03-02", "2028-03-02")]
    [InlineData("2028-02-29", "2030-02-28")]
    public void DisposalDate_IsTheRetentionPeriodAfterClosing(string closed, string dispose) =>
        Assert.Equal(D(dispose), _deadlines.DisposalDate(D(closed)));

    [Fact]
    public void ConfiguredPeriods_AreUsed()
    {
        var deadlines = new CaseDeadlines(Options.Create(new CaseOptions { AcknowledgementDays = 5, FeedbackMonths = 2 }));
        var record = new CaseRecord { ReceivedOn = D("2026-12-29") };

        deadlines.Apply(record, ChannelKinds.Whistleblowing, []);

        Assert.Equal(D("2027-01-03"), record.AcknowledgementDue);
        Assert.Equal(D("2027-03-03"), record.FeedbackDue);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
