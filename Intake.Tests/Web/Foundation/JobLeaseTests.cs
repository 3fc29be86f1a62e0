using Intake.Tests.Infrastructure;
using Intake.Web.Cases;
using Intake.Web.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Foundation;

/// <summary>
/// A daily job runs on one node at a time and is taken over when its node dies: the lease lives in the database,
/// so two application nodes over one database (here two hosts over the same data directory) share it. ops/test.sh
/// runs these on SQLite and on PostgreSQL.
/// </summary>
public sealed class JobLeaseTests : IAsyncLifetime
{
    private const string Job = "test-job";
    private static readonly TimeSpan _daily = TimeSpan.FromDays(1);
    private static readonly TimeSpan _lease = TimeSpan.FromHours(1);

    private readonly IntakeApplicationFactory _first = new();
    private IntakeApplicationFactory _second = null!;

    public Task InitializeAsync()
    {
        _ = _first.Services;
        _second = IntakeApplicationFactory.OverDataDirectory(_first.DataDirectory);
        _ = _second.Services;
        return Task.CompletedTask;
    }

    [Fact]
    public async Task OfTwoNodesTryingAtOnce_OneRunsTheJob_AndNeitherRunsItAgainBeforeItIsDue()
    {
        var tries = await Task.WhenAll(TryStartAsync(_first), TryStartAsync(_second), TryStartAsync(_first), TryStartAsync(_second));
        Assert.Single(tries, taken => taken);

        var winner = tries[0] || tries[2] ? _first : _second;
        await CompleteAsync(winner);
        Assert.False(await TryStartAsync(_first));
        Assert.False(await TryStartAsync(_second));

        Advance(_daily);
        Assert.True(await TryStartAsync(_second));
        Assert.False(await TryStartAsync(_first));
    }

    [Fact]
    public async Task WhenTheNodeRunningTheJobDies_AnotherTakesItOver_OnceItsLeaseRunsOut()
    {
        Assert.True(await TryStartAsync(_first));
        // The first node dies here: it never completes the run nor gives the lease back.

        Assert.False(await TryStartAsync(_second));
        Advance(_lease + TimeSpan.FromMinutes(1));
        Assert.True(await TryStartAsync(_second));
    }

    [Fact]
    public async Task TheDisposalJob_RunsAtStart_OnOneNodeOnly_AndRecordsTheRun()
    {
        // Both hosts have started; their disposal jobs looked at start. One took the job and completed the run.
        await using var scope = _second.CreateScope();
        var leases = scope.ServiceProvider.GetRequiredService<JobLeases>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await leases.TryStartAsync(CaseDisposalJob.JobName, CaseDisposalJob.Interval, CaseDisposalJob.Lease) && DateTime.UtcNow < deadline)
        {
            // Taken here means neither host's start-up run has completed yet: give it back and look again.
            await leases.ReleaseAsync(CaseDisposalJob.JobName);
            await Task.Delay(200);
        }

        Assert.False(await leases.TryStartAsync(CaseDisposalJob.JobName, CaseDisposalJob.Interval, CaseDisposalJob.Lease));
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    private void Advance(TimeSpan by)
    {
        _first.Clock.Advance(by);
        _second.Clock.Advance(by);
    }

    private static async Task<bool> TryStartAsync(IntakeApplicationFactory node)
    {
        await using var scope = node.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<JobLeases>().TryStartAsync(Job, _daily, _lease);
    }

    private static async Task CompleteAsync(IntakeApplicationFactory node)
    {
        await using var scope = node.CreateScope();
        await scope.ServiceProvider.GetRequiredService<JobLeases>().CompleteAsync(Job);
    }
}
