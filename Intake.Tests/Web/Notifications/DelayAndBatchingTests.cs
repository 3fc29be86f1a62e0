using Intake.Tests.Infrastructure;

namespace Intake.Tests.Web.Notifications;

/// <summary>
/// Notices wait a random time up to MaxDelay, so a mail's time does not tell when a report came in, and what is
/// due for one person in that window goes as one mail; none waits longer than MaxDelay.
/// </summary>
public sealed class DelayAndBatchingTests : NotificationTestBase
{
    private static readonly TimeSpan _max = TimeSpan.FromMinutes(10);

    protected override TimeSpan MaxDelay => _max;

    [Fact]
    public async Task EveryNotice_ArrivesWithinMaxDelay_BatchedIntoOneMailPerPerson()
    {
        var start = App.Clock.GetUtcNow();
        for (var i = 0; i < 3; i++)
        {
            await SubmitWhistleblowingAsync("Rapport " + i);
        }

        var sentAt = new List<TimeSpan>();
        for (var elapsed = TimeSpan.Zero; elapsed <= _max; elapsed += TimeSpan.FromSeconds(15))
        {
            App.Clock.Advance(start + elapsed - App.Clock.GetUtcNow());
            var before = Smtp.Received.Count;
            await SendDueAsync();
            sentAt.AddRange(Enumerable.Repeat(elapsed, Smtp.Received.Count - before));
        }

        var mails = Smtp.Received;
        Assert.Equal(2, mails.Count);
        Assert.Equal([AddressOf(StaffWorld.WhistleblowingHandler), AddressOf(SecondHandler)], mails.Select(m => m.Recipient).Order(StringComparer.Ordinal));
        Assert.All(mails, m => Assert.Equal("3 nya händelser i Intake", m.Subject));
        Assert.All(sentAt, t => Assert.InRange(t, TimeSpan.Zero, _max));
        Assert.Contains(sentAt, t => t > TimeSpan.Zero);
    }

    [Fact]
    public async Task ZeroMaxDelay_SendsAtOnce()
    {
        await RestartAsync(settings => settings["Intake:Notifications:MaxDelay"] = "00:00:00");

        await SubmitWhistleblowingAsync("Rapport.");
        await SendDueAsync();

        Assert.Equal(2, Smtp.Received.Count);
    }
}
