using Intake.Tests.Infrastructure;
using Intake.Web.Notifications;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Notifications;

/// <summary>
/// The mail server is down for hours and the application restarts in between: the notices wait in the outbox,
/// are retried with back-off by the background sender, and arrive exactly once when the server is back.
/// </summary>
public sealed class OutageAndRestartTests : NotificationTestBase
{
    // The real background sender runs here, looking every 100 ms.
    protected override TimeSpan PollInterval => TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task SmtpDownForHours_AppRestarted_ThenUp_EveryNoticeArrivesExactlyOnce()
    {
        await Smtp.StopAsync();
        await SubmitWhistleblowingAsync("Första.");
        await SubmitThreatAsync("Andra.");

        // Hours of outage: every attempt fails and the wait between attempts grows.
        for (var i = 0; i < 12; i++)
        {
            App.Clock.Advance(TimeSpan.FromMinutes(30));
            await SendDueAsync();
        }

        var waiting = await OutboxAsync();
        Assert.Equal(3, waiting.Count);
        // The background sender may be in the middle of an attempt while the test looks.
        Assert.All(waiting, n => Assert.True(n.State is OutboxState.Waiting or OutboxState.Sending, n.State.ToString()));
        Assert.All(waiting, n => Assert.True(n.Attempts >= 2, "attempts: " + n.Attempts));
        Assert.All(waiting, n => Assert.StartsWith("Socket", n.LastError, StringComparison.Ordinal));
        Assert.Equal(3, await AuditCountAsync(NotificationAuditKinds.Delayed));

        await RestartAsync();
        await Smtp.StartAsync();
        App.Clock.Advance(TimeSpan.FromHours(1));
        _ = App.Services; // starts the host and with it the background sender
        var mails = await Smtp.WaitForAsync(3);
        await Task.Delay(500);
        await SendDueAsync();

        Assert.Equal(3, Smtp.Received.Count);
        Assert.Equal(
            [AddressOf(StaffWorld.ThreatHandler), AddressOf(StaffWorld.WhistleblowingHandler), AddressOf(SecondHandler)],
            mails.Select(m => m.Recipient).Order(StringComparer.Ordinal));
        Assert.All(await OutboxAsync(), n => Assert.Equal(OutboxState.Sent, n.State));
    }

    [Fact]
    public async Task SmtpRefusingARecipient_GivesUp_AndAuditsTheFailure()
    {
        await using (var scope = App.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            var user = await StaffWorld.UserAsync(scope, SecondHandler);
            var profile = await db.NotificationProfiles.SingleAsync(p => p.StaffUserId == user.Id);
            profile.Email = "refused@" + Domain;
            await db.SaveChangesAsync();
        }

        await Smtp.StopAsync();
        await SubmitWhistleblowingAsync("Något.");
        App.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));

        Assert.All(await SettledOutboxAsync(), n => Assert.Equal(OutboxState.Failed, n.State));
        Assert.Equal(2, await AuditCountAsync(NotificationAuditKinds.Failed));
    }

    /// <summary>
    /// Runs the sender until no notice is waiting or held: the background sender, looking every 100 ms, may hold
    /// some of them while the test's own run looks, and settles them a moment later.
    /// </summary>
    private async Task<List<OutboxNotice>> SettledOutboxAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            await SendDueAsync();
            var outbox = await OutboxAsync();
            if (outbox.TrueForAll(n => n.State is not (OutboxState.Waiting or OutboxState.Sending)) || DateTime.UtcNow > deadline)
            {
                return outbox;
            }

            await Task.Delay(100);
        }
    }

    private async Task<int> AuditCountAsync(string kind)
    {
        await using var scope = App.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().AuditEntries.CountAsync(e => e.Kind == kind);
    }
}
