using System.Net;
using Intake.Tests.Infrastructure;
using Intake.Web.Accounts;
using Intake.Web.Accounts.Passkeys;
using Intake.Web.Mailbox;
using Intake.Web.Notifications;
using Intake.Web.Reporting.Admission;
using Intake.Web.Reporting.Uploads;
using Intake.Web.Storage;
using Intake.Web.Storage.Limits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Intake.Tests.Web.Foundation;

/// <summary>
/// With several application nodes over one database, each budget is one budget, a back-off holds on every node, a
/// proof is used once, a passkey ceremony begun on one node finishes on another, and the attachment sweep and the
/// reminder scan run on one node at a time. ops/test.sh runs these on SQLite and on PostgreSQL. On PostgreSQL the
/// limits are tested between two hosts over one database; on SQLite, which runs one node per database and keeps
/// its limits in memory, the same assertions hold on the one host (<see cref="Other"/>). The jobs' leases live in
/// the database on both engines, so they are always tested between two hosts.
/// </summary>
public sealed class SharedLimitsTests : OrganisationTestBase
{
    private const int FreeReports = 2;

    private IntakeApplicationFactory _second = null!;

    /// <summary>The node the limits are checked on after the first: another host on PostgreSQL, the same one on SQLite.</summary>
    private IntakeApplicationFactory Other => TestDatabase.OnPostgres ? _second : App;

    public override async Task InitializeAsync()
    {
        App.Settings["Intake:Admission:FreeBurst"] = FreeReports.ToString(System.Globalization.CultureInfo.InvariantCulture);
        App.Settings["Intake:Admission:FreePerHour"] = "1";
        await base.InitializeAsync();
        _second = IntakeApplicationFactory.OverDataDirectory(App.DataDirectory);
        _second.InstanceKeyFile = App.InstanceKeyFile;
        foreach (var (key, value) in App.Settings)
        {
            _second.Settings[key] = value;
        }

        _ = _second.Services;

        // Nodes keep their clocks in step (NTP); the second host's clock began later, so the first catches up.
        App.Clock.Advance(_second.Clock.GetUtcNow() - App.Clock.GetUtcNow());
    }

    public override async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task ReportsSentToBothNodes_TakeFromOneFreeBudget()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < FreeReports + 2; i++)
        {
            using var reporter = new ReporterClient(i % 2 == 0 ? App : Other);
            var (response, _) = await reporter.SubmitAsync("/en/report/whistleblowing", ReporterClient.MinimalWhistleblowing("report " + i));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, FreeReports).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 2)), statuses);
    }

    [Fact]
    public async Task OfManyTakingAtOnce_OnBothNodes_NoMoreThanTheBucketHoldsGetAToken()
    {
        var size = new BucketSize(10, 1);
        var taken = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            Limits(i % 2 == 0 ? App : Other).TryTakeAsync("test/racing", size).AsTask()));

        Assert.Equal(10, taken.Count(t => t));
    }

    [Fact]
    public async Task FailedSignInsOnOneNode_MakeTheOtherWait_AndASuccessOnEitherClearsIt()
    {
        for (var i = 0; i < 4; i++)
        {
            await Throttle(App).RecordFailureAsync("someone", "device");
        }

        Assert.True(await Throttle(Other).RetryAfterAsync("someone", "device") > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, await Throttle(Other).RetryAfterAsync("someone", "another device"));

        await Throttle(Other).RecordSuccessAsync("someone", "device");
        Assert.Equal(TimeSpan.Zero, await Throttle(App).RetryAfterAsync("someone", "device"));
    }

    [Fact]
    public async Task AFormStampIssuedOnOneNode_IsReadOnTheOther_AndItsProofIsUsedOnceAcrossBoth()
    {
        var text = Stamps(App).Issue("whistleblowing", 10);
        var lifetime = TimeSpan.FromHours(1);

        var onOther = Stamps(Other).Read(text, "whistleblowing", lifetime);
        var onFirst = Stamps(App).Read(text, "whistleblowing", lifetime);

        Assert.NotNull(onOther);
        Assert.NotNull(onFirst);
        Assert.Null(Stamps(Other).Read(text, "threat", lifetime));
        Assert.True(await Stamps(App).TryUseAsync(onFirst, lifetime));
        Assert.True(await Stamps(Other).IsUsedAsync(onOther));
        Assert.False(await Stamps(Other).TryUseAsync(onOther, lifetime));
    }

    [Fact]
    public async Task APasskeyCeremonyBegunOnOneNode_IsFinishedOnTheOther_Once()
    {
        var id = await Ceremonies(App).OpenAsync(new PasskeyCeremony(PasskeyCeremonyKind.SignIn, null, "{\"challenge\":\"abc\"}"));

        var taken = await Ceremonies(Other).TakeAsync(id, PasskeyCeremonyKind.SignIn);

        Assert.Equal("{\"challenge\":\"abc\"}", taken?.OptionsJson);
        Assert.Null(await Ceremonies(App).TakeAsync(id, PasskeyCeremonyKind.SignIn));
    }

    [Fact]
    public async Task FailedMailboxLookupsOnBothNodes_CountAgainstOneBound()
    {
        var first = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => Attempts(App).TryRecordFailureAsync()));
        var second = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => Attempts(Other).TryRecordFailureAsync()));

        Assert.All(first.Concat(second), t => Assert.True(t));
        Assert.False(await Attempts(App).TryRecordFailureAsync());
        Assert.False(await Attempts(Other).TryRecordFailureAsync());
    }

    [Fact]
    public async Task AKeyUsedOnce_IsUsableAgainOnlyOnceItsUseExpired_AndExpiredEntriesAreSwept()
    {
        var minute = TimeSpan.FromMinutes(1);
        Assert.True(await Limits(App).TryUseOnceAsync("test/once", App.Clock.GetUtcNow() + minute));
        Assert.True(await Limits(App).TryUseOnceAsync("test/forgotten", App.Clock.GetUtcNow() + minute));
        Assert.False(await Limits(Other).TryUseOnceAsync("test/once", App.Clock.GetUtcNow() + minute));

        Advance(PostgresSharedLimits.SweepInterval + minute);
        Assert.True(await Limits(Other).TryUseOnceAsync("test/once", App.Clock.GetUtcNow() + minute));
        Assert.True(await Limits(App).TryTakeAsync("test/bucket", new BucketSize(1, 1)));

        // On PostgreSQL the writes after the sweep interval swept the expired rows; SQLite keeps none in the table.
        await using var scope = App.CreateScope();
        var now = App.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        Assert.False(await IntakeApplicationFactory.CreateDbContext(scope).SharedLimits.AnyAsync(e => e.ExpiresAt < now));
    }

    [Fact]
    public async Task TheAttachmentSweep_RunsOnOneNodeAtATime_AndMovesOnWhenItsNodeDies()
    {
        await AssertOneNodeAtATimeAsync(
            node => node.Services.GetServices<IHostedService>().OfType<AttachmentSweepJob>().Single().SweepIfDueAsync(),
            AttachmentSweepJob.JobName,
            TimeSpan.FromMinutes(5),
            AttachmentSweepJob.Lease);
    }

    [Fact]
    public async Task TheReminderScan_RunsOnOneNodeAtATime_AndMovesOnWhenItsNodeDies()
    {
        await AssertOneNodeAtATimeAsync(
            node => node.Services.GetRequiredService<NotificationJob>().ScanIfDueAsync(),
            NotificationJob.ScanJobName,
            TimeSpan.FromMinutes(15),
            NotificationJob.ScanLease);
    }

    private async Task AssertOneNodeAtATimeAsync(Func<IntakeApplicationFactory, Task<bool>> tick, string job, TimeSpan interval, TimeSpan lease)
    {
        var ran = await Task.WhenAll(tick(App), tick(_second), tick(App), tick(_second));
        Assert.Single(ran, r => r);
        Assert.False(await tick(App));
        Assert.False(await tick(_second));

        Advance(interval);
        await using (var scope = App.CreateScope())
        {
            // The first node takes the job and dies mid-run: it never completes nor gives the lease back.
            Assert.True(await scope.ServiceProvider.GetRequiredService<JobLeases>().TryStartAsync(job, interval / 2, lease));
        }

        Assert.False(await tick(_second));
        Advance(lease + TimeSpan.FromMinutes(1));
        Assert.True(await tick(_second));
    }

    private void Advance(TimeSpan by)
    {
        App.Clock.Advance(by);
        _second.Clock.Advance(by);
    }

    private static SharedLimits Limits(IntakeApplicationFactory node) => node.Services.GetRequiredService<SharedLimits>();

    private static SignInThrottle Throttle(IntakeApplicationFactory node) => node.Services.GetRequiredService<SignInThrottle>();

    private static FormStamps Stamps(IntakeApplicationFactory node) => node.Services.GetRequiredService<FormStamps>();

    private static PasskeyCeremonies Ceremonies(IntakeApplicationFactory node) => node.Services.GetRequiredService<PasskeyCeremonies>();

    private static MailboxAttempts Attempts(IntakeApplicationFactory node) => node.Services.GetRequiredService<MailboxAttempts>();
}
