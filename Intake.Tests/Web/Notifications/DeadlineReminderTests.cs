using Intake.Tests.Infrastructure;
using Intake.Web.Notifications;

namespace Intake.Tests.Web.Notifications;

/// <summary>Reminders fire on the application's clock: before and after each deadline, once each, to the assignee or the channel.</summary>
public sealed class DeadlineReminderTests : NotificationTestBase
{
    [Fact]
    public async Task Acknowledgement_RemindsTwoDaysBefore_ThenWhenOverdue_OnceEach()
    {
        await SubmitWhistleblowingAsync("Något hände.");
        await SendDueAsync();
        await Smtp.WaitForAsync(2);

        Assert.Equal(0, await ScanAsync());
        App.Clock.Advance(TimeSpan.FromDays(5));
        Assert.Equal(2, await ScanAsync());
        Assert.Equal(0, await ScanAsync());
        await SendDueAsync();
        var soon = (await Smtp.WaitForAsync(4)).Skip(2).ToList();

        App.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(2, await ScanAsync());
        await SendDueAsync();
        var overdue = (await Smtp.WaitForAsync(6)).Skip(4).ToList();

        Assert.All(soon, m => Assert.Equal("Bekräftelse ska skickas inom 2 dagar i kanalen Visselblåsning", m.Subject));
        Assert.All(overdue, m => Assert.Equal("Försenad bekräftelse i kanalen Visselblåsning", m.Subject));
        Assert.Equal(6, Smtp.Received.Count);
    }

    [Fact]
    public async Task Feedback_RemindsFourteenDaysBefore_ThenWhenOverdue_ToTheAssigneeOnly()
    {
        var (caseId, _) = await SubmitWhistleblowingAsync("Något hände.");
        await SendDueAsync();
        await Smtp.WaitForAsync(2);
        var second = await UserIdAsync(SecondHandler);
        await UpdateCaseAsync(caseId, c =>
        {
            c.AssigneeId = second;
            c.AcknowledgedOn = c.ReceivedOn;
            c.Status = Intake.Web.Cases.CaseStatus.Acknowledged;
            c.FeedbackDue = c.ReceivedOn.AddMonths(3);
            c.NextDeadline = c.FeedbackDue;
        });

        App.Clock.Advance(TimeSpan.FromDays(70));
        Assert.Equal(0, await ScanAsync());
        App.Clock.Advance(TimeSpan.FromDays(10));
        Assert.Equal(1, await ScanAsync());
        App.Clock.Advance(TimeSpan.FromDays(20));
        Assert.Equal(1, await ScanAsync());
        await SendDueAsync();
        var mails = (await Smtp.WaitForAsync(3)).Skip(2).ToList();

        var mail = Assert.Single(mails);
        Assert.Equal(AddressOf(SecondHandler), mail.Recipient);
        Assert.Equal("2 nya händelser i Intake", mail.Subject);
        Assert.Contains("återkoppling till anmälaren inom 14 dagar", mail.Body, StringComparison.Ordinal);
        Assert.Contains("har inte fått någon återkoppling", mail.Body, StringComparison.Ordinal);
    }

    private async Task<Guid> UserIdAsync(string username)
    {
        await using var scope = App.CreateScope();
        return (await StaffWorld.UserAsync(scope, username)).Id;
    }
}
