using Intake.Tests.Infrastructure;
using Intake.Web.Organisation;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Notifications;

/// <summary>The set-up file's optional "email" for every person: checked, and stored as the confirmed address.</summary>
public sealed class SetupAddressTests
{
    [Fact]
    public void BadAddressInTheSetupFile_IsAProblemOfThatAccount()
    {
        var plan = StaffWorld.Plan();
        plan.Channels[0].Handlers[0].Email = "inte en adress";

        var problem = Assert.Single(SetupService.Validate(plan));

        Assert.Equal("Channels[whistleblowing].Handlers.Email", problem.Field);
        Assert.Equal("Notifications.Error.InvalidAddress", problem.MessageKey);
    }

    [Fact]
    public async Task AddressesInTheSetupFile_AreStoredAsConfirmed_AndAccountsWithoutOneHaveNone()
    {
        await using var app = new IntakeApplicationFactory();
        var plan = StaffWorld.Plan();
        plan.Administrator.Email = "admin@kommun.example";
        using var world = await StaffWorld.CreateAsync(app, plan);

        await using var scope = app.CreateScope();
        var profiles = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().NotificationProfiles.AsNoTracking().ToListAsync();
        var profile = Assert.Single(profiles);
        Assert.Equal("admin@kommun.example", profile.Email);
        Assert.Equal((await StaffWorld.UserAsync(scope, StaffWorld.AdminName)).Id, profile.StaffUserId);
    }
}
