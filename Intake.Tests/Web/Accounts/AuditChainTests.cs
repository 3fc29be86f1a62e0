using Intake.Tests.Infrastructure;
using Intake.Web.Audit;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Accounts;

public sealed class AuditChainTests : IAsyncLifetime
{
    private readonly IntakeApplicationFactory _app = new();
    private StaffWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await StaffWorld.CreateAsync(_app);
        using var client = new StaffBrowserClient(_app);
        await client.SignInAsync(StaffWorld.AdminName);
        await client.SubmitAsync("/Staff/SignIn", new() { ["Username"] = StaffWorld.AdminName, ["Passphrase"] = "wrong passphrase!" });
    }

    public async Task DisposeAsync()
    {
        _world.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task SecurityEvents_AreChainedAndVerify()
    {
        await using var scope = _app.CreateScope();
        var kinds = await Db(scope).AuditEntries.OrderBy(e => e.Sequence).Select(e => e.Kind).ToListAsync();

        // Set-up, then each account's activation by its owner (a handler's also rotates its channel's key), then the
        // administrator's first sign-in with its authenticator enrolment and a failed attempt.
        var accounts = await Db(scope).StaffUsers.CountAsync();
        Assert.Equal(AuditKinds.SetupCompleted, kinds[0]);
        Assert.Equal(accounts, kinds.Count(k => k == AuditKinds.AccountActivated));
        Assert.All(kinds[1..^3], k => Assert.Contains(k, new[] { AuditKinds.AccountActivated, AuditKinds.ChannelKeyRotated }));
        Assert.Equal([AuditKinds.TotpEnrolled, AuditKinds.SignInSucceeded, AuditKinds.SignInFailed], kinds[^3..]);
        var result = await scope.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync();
        Assert.True(result.IsIntact);
        Assert.Equal(kinds.Count, result.VerifiedEntries);
    }

    [Fact]
    public async Task AlteredEntry_BreaksTheChainThere()
    {
        await using var scope = _app.CreateScope();
        await Db(scope).Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Kind\" = 'signin.succeeded' WHERE \"Sequence\" = 4");

        var result = await scope.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync();

        Assert.False(result.IsIntact);
        Assert.Equal(4, result.BrokenAt);
        Assert.Equal(3, result.VerifiedEntries);
    }

    [Fact]
    public async Task DeletedEntry_BreaksTheChainThere()
    {
        await using var scope = _app.CreateScope();
        await Db(scope).Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 2");

        var result = await scope.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync();

        Assert.False(result.IsIntact);
        Assert.Equal(2, result.BrokenAt);
    }

    [Fact]
    public async Task AuditPage_ShowsWhereTheChainBreaks()
    {
        await using (var scope = _app.CreateScope())
        {
            await Db(scope).Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Detail\" = 'edited' WHERE \"Sequence\" = 3");
        }

        using var client = new StaffBrowserClient(_app);
        await client.SignInAsync(StaffWorld.ThreatHandler);
        using var response = await client.Http.GetAsync(new Uri("/en/Staff/Audit", UriKind.Relative));

        var status = (await Html.ParseAsync(response)).QuerySelector("#audit-status")!.TextContent;
        Assert.Contains("BROKEN at entry 3", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditVerifyCommand_ReportsIntactThenBroken()
    {
        await using var scope = _app.CreateScope();
        var entries = await Db(scope).AuditEntries.CountAsync();
        using var intact = new StringWriter();
        Assert.Equal(0, await Intake.Web.Commands.IntakeCommands.VerifyAuditAsync(scope.ServiceProvider, intact));
        Assert.Contains($"intact: {entries} entries", intact.ToString(), StringComparison.Ordinal);

        await Db(scope).Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"OccurredAt\" = '2020-01-01 00:00:00+00:00' WHERE \"Sequence\" = 1");
        using var broken = new StringWriter();

        Assert.Equal(1, await Intake.Web.Commands.IntakeCommands.VerifyAuditAsync(scope.ServiceProvider, broken));
        Assert.Contains("BROKEN at entry 1", broken.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditEntries_HoldNoAddressOrUserAgent()
    {
        await using var scope = _app.CreateScope();
        var columns = Db(scope).Model.FindEntityType(typeof(AuditEntry))!.GetProperties().Select(p => p.Name).ToList();

        Assert.DoesNotContain(columns, c => c.Contains("Ip", StringComparison.Ordinal) || c.Contains("Agent", StringComparison.Ordinal) || c.Contains("Address", StringComparison.Ordinal));
    }

    private static IntakeDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
}
