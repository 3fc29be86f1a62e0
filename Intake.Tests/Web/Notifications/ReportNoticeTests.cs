using Intake.Tests.Infrastructure;
using Intake.Web.Notifications;

namespace Intake.Tests.Web.Notifications;

/// <summary>A report, a reporter's message and a meeting request reach the channel's handlers by mail, once, and nobody else.</summary>
public sealed class ReportNoticeTests : NotificationTestBase
{
    [Fact]
    public async Task Report_NotifiesEachMemberWithAnAddress_AndNotTheAdministrator()
    {
        await SubmitWhistleblowingAsync("Någon tar emot pengar.");

        Assert.Equal(2, await SendDueAsync());
        var mails = await Smtp.WaitForAsync(2);
        await SendDueAsync();

        Assert.Equal(
            [AddressOf(StaffWorld.WhistleblowingHandler), AddressOf(SecondHandler)],
            mails.Select(m => m.Recipient).Order(StringComparer.Ordinal));
        Assert.All(mails, m => Assert.Equal("Ny anmälan i kanalen Visselblåsning", m.Subject));
        Assert.All(mails, m => Assert.Contains("https://intake.kommun.example/Staff/SignIn", m.Body, StringComparison.Ordinal));
        Assert.Equal(2, Smtp.Received.Count);
        Assert.All(await OutboxAsync(), n => Assert.Equal(OutboxState.Sent, n.State));
    }

    [Fact]
    public async Task ThreatReport_IsAnUrgentNotice_ToTheThreatsChannelOnly()
    {
        await SubmitThreatAsync("Hot mot mig.");

        await SendDueAsync();
        var mail = Assert.Single(await Smtp.WaitForAsync(1));

        Assert.Equal(AddressOf(StaffWorld.ThreatHandler), mail.Recipient);
        Assert.StartsWith("Brådskande", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Arbetsmiljöverket", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReporterMessageAndMeetingRequest_NotifyTheHandlers()
    {
        var (_, token) = await SubmitWhistleblowingAsync("Första rapporten.");
        await SendDueAsync();
        await Smtp.WaitForAsync(2);

        using var reporter = new ReporterClient(App);
        using (var followUp = await reporter.SendFollowUpAsync(token, "Ett tillägg."))
        using (var meeting = await reporter.RequestMeetingAsync(token))
        {
            Assert.True(followUp.IsSuccessStatusCode && meeting.IsSuccessStatusCode);
        }

        await SendDueAsync();
        var mails = (await Smtp.WaitForAsync(4)).Skip(2).ToList();

        Assert.Equal(2, mails.Count);
        Assert.All(mails, m => Assert.Equal("2 nya händelser i Intake", m.Subject));
        Assert.All(mails, m => Assert.Contains("nytt meddelande", m.Body, StringComparison.Ordinal));
        Assert.All(mails, m => Assert.Contains("begärt ett möte", m.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoSendersAtOnce_SendEachNoticeOnce()
    {
        for (var i = 0; i < 3; i++)
        {
            await SubmitWhistleblowingAsync("Rapport " + i);
        }

        var sent = await Task.WhenAll(SendDueAsync(), SendDueAsync(), SendDueAsync());
        await Smtp.WaitForAsync(2);
        await SendDueAsync();

        Assert.Equal(6, sent.Sum());
        Assert.Equal(2, Smtp.Received.Count);
        Assert.Equal(2, Smtp.Received.Select(m => m.Message.MessageId).Distinct(StringComparer.Ordinal).Count());
    }
}
