using Intake.Tests.Infrastructure;
using Intake.Web.Audit;
using Intake.Web.Cases;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Reporting;

/// <summary>
/// What is allocated from the last committed value (case numbers, the audit chain, thread positions) stays unique
/// when requests race, within one node and between two application nodes over the same database. ops/test.sh runs
/// these on SQLite and on PostgreSQL.
/// </summary>
public sealed class ConcurrentAllocationTests : OrganisationTestBase
{
    [Fact]
    public async Task ReportsSentAtOnce_GetDistinctConsecutiveCaseNumbers_AndTheAuditChainVerifies()
    {
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => SubmitAsync(App, "racing report " + i)));

        await AssertNumbersConsecutiveAsync(expected: 10);
    }

    [Fact]
    public async Task TwoNodesOverOneDatabase_SendingAtOnce_NeverRepeatACaseNumber_AndTheAuditChainVerifies()
    {
        await using var second = IntakeApplicationFactory.OverDataDirectory(App.DataDirectory);
        second.InstanceKeyFile = App.InstanceKeyFile;

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => SubmitAsync(i % 2 == 0 ? App : second, "two nodes " + i)));

        await AssertNumbersConsecutiveAsync(expected: 12);
    }

    [Fact]
    public async Task FollowUpsSentAtOnce_TakeDistinctPositionsInTheThread()
    {
        var token = await SubmitAsync(App, "first report");

        await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            using var reporter = new ReporterClient(App);
            using var response = await reporter.SendFollowUpAsync(token, "follow-up " + i);
            Assert.True(response.IsSuccessStatusCode || (int)response.StatusCode is >= 300 and < 400, $"follow-up {i}: {(int)response.StatusCode}");
        }));

        await using var scope = App.CreateScope();
        var db = IntakeApplicationFactory.CreateDbContext(scope);
        var positions = await db.CaseEntries.AsNoTracking().Select(e => e.Position).OrderBy(p => p).ToListAsync();
        Assert.Equal(Enumerable.Range(1, positions.Count), positions);
        Assert.Equal(6, await db.CaseEntries.CountAsync(e => e.Kind == EntryKind.ReporterMessage));
        await AssertChainIntactAsync(scope);
    }

    private static async Task<string> SubmitAsync(IntakeApplicationFactory node, string text)
    {
        using var reporter = new ReporterClient(node);
        var (response, receipt) = await reporter.SubmitAsync("/report/whistleblowing", ReporterClient.MinimalWhistleblowing(text));
        Assert.True(response.IsSuccessStatusCode, $"submission refused: {(int)response.StatusCode}");
        return ReporterClient.TokenOn(receipt);
    }

    private async Task AssertNumbersConsecutiveAsync(int expected)
    {
        await using var scope = App.CreateScope();
        var db = IntakeApplicationFactory.CreateDbContext(scope);
        var cases = await db.Cases.AsNoTracking().Select(c => new { c.Sequence, c.CaseNumber }).ToListAsync();
        Assert.Equal(expected, cases.Count);
        Assert.Equal(Enumerable.Range(1, expected), cases.Select(c => c.Sequence).Order());
        Assert.Equal(expected, cases.Select(c => c.CaseNumber).Distinct(StringComparer.Ordinal).Count());
        await AssertChainIntactAsync(scope);
    }

    private static async Task AssertChainIntactAsync(AsyncServiceScope scope)
    {
        var verification = await scope.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync();
        Assert.True(verification.IsIntact, verification.Reason);
    }
}
