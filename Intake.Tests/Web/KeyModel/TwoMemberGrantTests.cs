using Intake.Tests.Infrastructure;
using Intake.Web.Audit;
using Intake.Web.Keys;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.KeyModel;

/// <summary>
/// Issue 12, item 1: with <c>Intake:Keys:GrantApprovals</c> set to 2, one member's click no longer makes a reader:
/// the first grant is recorded as an approval and a second, different member's grant wraps the key.
/// </summary>
public sealed class TwoMemberGrantTests : OrganisationTestBase
{
    public override async Task InitializeAsync()
    {
        App.Settings["Intake:Keys:GrantApprovals"] = "2";
        World = await StaffWorld.CreateAsync(App, "wb-second");
    }

    [Fact]
    public async Task AGrant_NeedsTwoDifferentMembers()
    {
        var newcomer = await StaffWorld.CreateActivatedAsync(App, "wb-new");
        Guid channelId;
        await using (var scope = App.CreateScope())
        {
            channelId = (await StaffWorld.ChannelAsync(scope, ChannelCodes.Whistleblowing)).Id;
            await scope.ServiceProvider.GetRequiredService<ChannelKeys>().ProposeAsync(channelId, newcomer.Id, Guid.Empty);
        }

        using var first = new StaffBrowserClient(App);
        await first.SignInAsync(StaffWorld.WhistleblowingHandler);
        using var form = await first.Http.GetAsync(new Uri($"/Staff/Grant/{channelId}/{newcomer.Id}", UriKind.Relative));
        var page = await Html.ParseAsync(form);
        Assert.NotNull(page.QuerySelector("#grant-approvals"));
        using var approved = await first.PostFormAsync(form, page, [], "main form.form");
        Assert.NotNull((await Html.ParseAsync(approved)).QuerySelector("#grant-done"));
        Assert.False(await HoldsAsync("wb-new", channelId));

        await using (var scope = App.CreateScope())
        {
            var keys = scope.ServiceProvider.GetRequiredService<ChannelKeys>();
            using (var again = await StaffWorld.UnlockAsync(scope, StaffWorld.WhistleblowingHandler))
            {
                var error = await Assert.ThrowsAsync<KeyOperationException>(() => keys.GrantAsync(channelId, newcomer.Id, again));
                Assert.Equal(KeyOperationError.SecondApproverNeeded, error.Error);
            }

            Assert.False(await HoldsAsync("wb-new", channelId));
            using var second = await StaffWorld.UnlockAsync(scope, "wb-second");
            Assert.Equal(GrantOutcome.Granted, await keys.GrantAsync(channelId, newcomer.Id, second));
        }

        Assert.True(await HoldsAsync("wb-new", channelId));
        await using var check = App.CreateScope();
        var kinds = await check.ServiceProvider.GetRequiredService<IntakeDbContext>().AuditEntries
            .Where(e => e.SubjectId == newcomer.Id).OrderBy(e => e.Sequence).Select(e => e.Kind).ToListAsync();
        Assert.Equal([AuditKinds.MembershipApproved, AuditKinds.MembershipGranted], kinds.Where(k => k.StartsWith("channel.member-a", StringComparison.Ordinal) || k == AuditKinds.MembershipGranted));
    }

    private async Task<bool> HoldsAsync(string username, Guid channelId)
    {
        await using var scope = App.CreateScope();
        using var keyring = await StaffWorld.UnlockAsync(scope, username);
        return keyring.HoldsChannel(channelId);
    }
}
