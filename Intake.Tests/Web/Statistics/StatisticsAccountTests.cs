using System.Text.Json;
using Intake.Tests.Infrastructure;
using Intake.Web.Accounts;
using Intake.Web.Commands;
using Intake.Web.Keys;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Statistics;

/// <summary>Statistics accounts: from the set-up file, created by the administrator, and what a role change does.</summary>
public sealed class StatisticsAccountTests : IAsyncLifetime
{
    private readonly IntakeApplicationFactory _app = new();
    private readonly TempDirectory _files = new("intake-statistics-setup");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _files.Dispose();
    }

    [Fact]
    public async Task SetupFile_WithStatisticsAccounts_CreatesThemWithTheStatisticsRole()
    {
        var file = WriteSetupFile(["committee", "safety-board"]);
        using var output = new StringWriter();
        await using var scope = _app.CreateScope();

        var exit = await SetupCommand.RunAsync(scope.ServiceProvider, file, output);

        Assert.Equal(0, exit);
        Assert.Contains("Activation code for committee: ", output.ToString(), StringComparison.Ordinal);
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var roles = await db.StaffUsers.Where(u => u.Username == "committee" || u.Username == "safety-board").Select(u => u.Role).ToListAsync();
        Assert.Equal([StaffRole.Statistics, StaffRole.Statistics], roles);
        Assert.False(await db.ChannelMemberships.AnyAsync(m => db.StaffUsers.Any(u => u.Id == m.UserId && u.Role == StaffRole.Statistics)));
    }

    [Theory]
    [InlineData("tv-one", "Statistics: Each statistics account needs a username of its own")]
    [InlineData("admin", "Statistics: Each statistics account needs a username of its own")]
    [InlineData("x", "Statistics[0].Username:")]
    public async Task SetupFile_WithABadStatisticsAccount_IsRefusedAndCreatesNothing(string username, string message)
    {
        var file = WriteSetupFile([username]);
        using var output = new StringWriter();
        await using var scope = _app.CreateScope();

        var exit = await SetupCommand.RunAsync(scope.ServiceProvider, file, output);

        Assert.Equal(1, exit);
        Assert.Contains(message, output.ToString(), StringComparison.Ordinal);
        Assert.False(await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().StaffUsers.AnyAsync());
    }

    [Fact]
    public async Task Administrator_CreatesAStatisticsAccount_AndMakingAHandlerOneLeavesTheirChannels()
    {
        using var world = await StaffWorld.CreateAsync(_app);
        using var admin = new StaffBrowserClient(_app);
        await admin.SignInAsync(StaffWorld.AdminName);

        using var created = await admin.SubmitAsync("/Staff/Admin/Users", new() { ["NewUsername"] = "council", ["NewDisplayName"] = "Council", ["NewRole"] = "Statistics" }, "main form.form");
        var code = (await Html.ParseAsync(created)).QuerySelector("#activation-code")!.TextContent.Trim();
        using var council = new StaffBrowserClient(_app);
        using var signedIn = await council.ActivateAsync("council", code);
        Assert.Equal("/Staff/Statistics", signedIn.RequestMessage!.RequestUri!.AbsolutePath);

        // The threats handler is the channel's only member: a successor is granted first, or the change is refused.
        var successor = await StaffWorld.CreateActivatedAsync(_app, "tv-successor");
        Guid handlerId;
        await using (var scope = _app.CreateScope())
        {
            handlerId = (await StaffWorld.UserAsync(scope, StaffWorld.ThreatHandler)).Id;
            var channel = await StaffWorld.ChannelAsync(scope, ChannelCodes.Threat);
            var keys = scope.ServiceProvider.GetRequiredService<ChannelKeys>();
            await keys.ProposeAsync(channel.Id, successor.Id, Guid.Empty);
            using var granter = await StaffWorld.UnlockAsync(scope, StaffWorld.ThreatHandler);
            await keys.GrantAsync(channel.Id, successor.Id, granter);
            var adminId = (await StaffWorld.UserAsync(scope, StaffWorld.AdminName)).Id;
            await scope.ServiceProvider.GetRequiredService<AccountService>().SetRoleAsync(adminId, handlerId, StaffRole.Statistics);
            await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().SaveChangesAsync();
        }

        await using var check = _app.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<IntakeDbContext>();
        Assert.False(await db.ChannelMemberships.AnyAsync(m => m.UserId == handlerId && m.State == MembershipState.Active));
        Assert.False(await db.ChannelKeyWraps.AnyAsync(w => w.UserId == handlerId));
    }

    private string WriteSetupFile(string[] statistics)
    {
        var path = Path.Combine(_files.Path, Guid.NewGuid().ToString("N") + ".json");
        var document = new
        {
            organisationName = "Exempelby kommun",
            administrator = new { username = "admin" },
            channels = new object[]
            {
                new { code = "whistleblowing", handlers = new[] { new { username = "wb-one" } } },
                new { code = "threat", handlers = new[] { new { username = "tv-one" } } },
            },
            statistics = statistics.Select(s => new { username = s }).ToArray(),
            recoveryIdentityPath = Path.Combine(_files.Path, Guid.NewGuid().ToString("N") + ".txt"),
        };
        File.WriteAllText(path, JsonSerializer.Serialize(document));
        return path;
    }
}
