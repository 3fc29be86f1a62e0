using Intake.Tests.Infrastructure;
using Intake.Web.Accounts;
using Intake.Web.Audit;
using Intake.Web.Keys;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.KeyModel;

/// <summary>
/// Issue 12, item 2: reset, role change and removal acted on one click; demoting a channel's only member left it
/// readable only with the recovery key; "Föreslå" preselected a person. Each change now goes through a page that
/// states its consequence and refuses (or, for a reset, warns) when it would leave a channel without members; the
/// proposal list preselects nobody; someone who left can be deactivated.
/// </summary>
public sealed class AdministrationGuardRailsTests : OrganisationTestBase
{
    [Fact]
    public async Task Reset_IsALinkToAPageThatStatesTheConsequence_AndChangesNothingUntilConfirmed()
    {
        using var admin = await AdminAsync();
        var id = await UserIdAsync(StaffWorld.WhistleblowingHandler);
        var before = await SealedIdentityAsync(StaffWorld.WhistleblowingHandler);

        using var users = await admin.Http.GetAsync(new Uri("/Staff/Admin/Users", UriKind.Relative));
        var list = await Html.ParseAsync(users);
        Assert.Empty(list.QuerySelectorAll("form[action*='handler=Reset'], form[action*='handler=Role']"));
        Assert.NotNull(list.QuerySelector($"a[href$='/Staff/Admin/Users/{id}/Reset']"));

        using var confirm = await admin.Http.GetAsync(new Uri($"/Staff/Admin/Users/{id}/Reset", UriKind.Relative));
        var page = await Html.ParseAsync(confirm);
        Assert.NotNull(page.QuerySelector("#impact-channels li[data-channel=whistleblowing].impact-empty"));
        Assert.NotNull(page.QuerySelector("#impact-warning"));
        Assert.Equal(before, await SealedIdentityAsync(StaffWorld.WhistleblowingHandler));

        using var done = await admin.PostFormAsync(confirm, page, [], "main form.form");
        Assert.NotNull((await Html.ParseAsync(done)).QuerySelector("#activation-code"));
        Assert.NotEqual(before, await SealedIdentityAsync(StaffWorld.WhistleblowingHandler));
    }

    [Fact]
    public async Task DemotingAChannelsOnlyMember_IsRefused_OnThePageAndByHand()
    {
        using var admin = await AdminAsync();
        var id = await UserIdAsync(StaffWorld.ThreatHandler);

        using var confirm = await admin.Http.GetAsync(new Uri($"/Staff/Admin/Users/{id}/Role?role=Administrator", UriKind.Relative));
        var page = await Html.ParseAsync(confirm);
        Assert.NotNull(page.QuerySelector("#impact-refused"));
        Assert.Null(page.QuerySelector("main form.form[method=post]"));

        await using var scope = App.CreateScope();
        var error = await Assert.ThrowsAsync<AccountException>(() => scope.ServiceProvider.GetRequiredService<AccountService>().SetRoleAsync(Guid.Empty, id, StaffRole.Administrator));
        Assert.Equal("Admin.Error.LastMember", error.MessageKey);
        Assert.Equal(StaffRole.Handler, (await StaffWorld.UserAsync(scope, StaffWorld.ThreatHandler)).Role);
        Assert.True(await Db(scope).ChannelMemberships.AnyAsync(m => m.UserId == id && m.State == MembershipState.Active));
    }

    [Fact]
    public async Task ARoleChange_WithAnotherMemberLeft_IsConfirmedAndLeavesTheChannel()
    {
        var successor = await GrantSecondMemberAsync(ChannelCodes.Threat, "tv-second");
        using var admin = await AdminAsync();
        var id = await UserIdAsync(StaffWorld.ThreatHandler);

        using var confirm = await admin.Http.GetAsync(new Uri($"/Staff/Admin/Users/{id}/Role?role=Statistics", UriKind.Relative));
        var page = await Html.ParseAsync(confirm);
        Assert.Null(page.QuerySelector("#impact-refused"));
        Assert.Contains("1", page.QuerySelector("#impact-channels li[data-channel=threat]")!.TextContent, StringComparison.Ordinal);
        using var done = await admin.PostFormAsync(confirm, page, [], "main form.form[method=post]");

        Assert.NotNull((await Html.ParseAsync(done)).QuerySelector("#done"));
        await using var scope = App.CreateScope();
        Assert.Equal(StaffRole.Statistics, (await StaffWorld.UserAsync(scope, StaffWorld.ThreatHandler)).Role);
        Assert.False(await Db(scope).ChannelMemberships.AnyAsync(m => m.UserId == id));
        Assert.True(await Db(scope).ChannelMemberships.AnyAsync(m => m.UserId == successor && m.State == MembershipState.Active));
    }

    [Fact]
    public async Task RemovingAMember_IsConfirmedOnItsOwnPage_AndRefusedForTheLastOne()
    {
        using var admin = await AdminAsync();
        var channelId = await ChannelIdAsync(ChannelCodes.Whistleblowing);
        var id = await UserIdAsync(StaffWorld.WhistleblowingHandler);

        using var channels = await admin.Http.GetAsync(new Uri("/Staff/Admin/Channels", UriKind.Relative));
        Assert.Empty((await Html.ParseAsync(channels)).QuerySelectorAll("form[action*='handler=Remove']"));
        using var last = await admin.Http.GetAsync(new Uri($"/Staff/Admin/Channels/{channelId}/Remove/{id}", UriKind.Relative));
        var lastPage = await Html.ParseAsync(last);
        Assert.NotNull(lastPage.QuerySelector("#impact-refused"));
        Assert.Null(lastPage.QuerySelector("main form.form"));

        await GrantSecondMemberAsync(ChannelCodes.Whistleblowing, "wb-second");
        var version = await KeyVersionAsync(ChannelCodes.Whistleblowing);
        using var confirm = await admin.Http.GetAsync(new Uri($"/Staff/Admin/Channels/{channelId}/Remove/{id}", UriKind.Relative));
        var page = await Html.ParseAsync(confirm);
        Assert.Equal(version, await KeyVersionAsync(ChannelCodes.Whistleblowing));
        using var done = await admin.PostFormAsync(confirm, page, [], "main form.form");

        Assert.NotNull((await Html.ParseAsync(done)).QuerySelector("#done"));
        Assert.Equal(version + 1, await KeyVersionAsync(ChannelCodes.Whistleblowing));
    }

    [Fact]
    public async Task Propose_PreselectsNobody_AndAnEmptyChoiceProposesNobody()
    {
        await StaffWorld.CreateActivatedAsync(App, "wb-candidate");
        using var admin = await AdminAsync();

        using var channels = await admin.Http.GetAsync(new Uri("/Staff/Admin/Channels", UriKind.Relative));
        var page = await Html.ParseAsync(channels);
        var select = page.QuerySelector("#propose-whistleblowing")!;
        var selected = select.QuerySelectorAll("option").Where(o => o.HasAttribute("selected")).ToList();
        Assert.Equal(string.Empty, Assert.Single(selected).GetAttribute("value"));
        Assert.True(select.HasAttribute("required"));

        using var posted = await admin.PostFormAsync(channels, page, new() { ["userId"] = string.Empty }, "form[action*='handler=Propose']");
        Assert.True(posted.IsSuccessStatusCode);
        await using var scope = App.CreateScope();
        Assert.False(await Db(scope).ChannelMemberships.AnyAsync(m => m.State == MembershipState.Proposed));
    }

    [Fact]
    public async Task DeactivatingSomeoneWhoLeft_KeepsTheAccountForTheAuditTrail_RotatesTheKey_AndEndsTheirSessions()
    {
        var leaver = await GrantSecondMemberAsync(ChannelCodes.Whistleblowing, "wb-leaver");
        using var session = new StaffBrowserClient(App);
        await session.SignInAsync("wb-leaver");
        var version = await KeyVersionAsync(ChannelCodes.Whistleblowing);
        using var admin = await AdminAsync();

        using var confirm = await admin.Http.GetAsync(new Uri($"/Staff/Admin/Users/{leaver}/Deactivate", UriKind.Relative));
        var page = await Html.ParseAsync(confirm);
        Assert.NotNull(page.QuerySelector("#impact-channels li[data-channel=whistleblowing]"));
        using var done = await admin.PostFormAsync(confirm, page, [], "main form.form");
        Assert.NotNull((await Html.ParseAsync(done)).QuerySelector("#done"));

        await using (var scope = App.CreateScope())
        {
            var user = await StaffWorld.UserAsync(scope, "wb-leaver");
            Assert.True(user.IsDisabled);
            Assert.NotNull(user.DeactivatedOn);
            Assert.False(await Db(scope).ChannelMemberships.AnyAsync(m => m.UserId == leaver));
            Assert.False(await Db(scope).ChannelKeyWraps.AnyAsync(w => w.UserId == leaver));
            Assert.True(await Db(scope).AuditEntries.AnyAsync(e => e.Kind == AuditKinds.AccountDeactivated && e.SubjectId == leaver));
            Assert.True(await Db(scope).AuditEntries.AnyAsync(e => e.Kind == AuditKinds.MembershipGranted && e.SubjectId == leaver));
        }

        Assert.Equal(version + 1, await KeyVersionAsync(ChannelCodes.Whistleblowing));
        await using (var scope = App.CreateScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<UnlockedKeyStore>().CountOfAsync(leaver));
        }

        using var gone = await session.Http.GetAsync(new Uri("/Staff/Cases", UriKind.Relative));
        Assert.Equal("/Staff/SignIn", gone.RequestMessage!.RequestUri!.AbsolutePath);
        using var again = new StaffBrowserClient(App);
        using var refused = await again.SubmitAsync("/Staff/SignIn", new() { ["Username"] = "wb-leaver", ["Passphrase"] = StaffWorld.Passphrase });
        Assert.Equal("/Staff/SignIn", refused.RequestMessage!.RequestUri!.AbsolutePath);

        using var users = await admin.Http.GetAsync(new Uri("/Staff/Admin/Users", UriKind.Relative));
        Assert.Null((await Html.ParseAsync(users)).QuerySelector($"a[href$='/Staff/Admin/Users/{leaver}/Reset']"));
    }

    [Fact]
    public async Task DeactivatingAChannelsOnlyMember_IsRefused()
    {
        using var admin = await AdminAsync();
        var id = await UserIdAsync(StaffWorld.ThreatHandler);

        using var confirm = await admin.Http.GetAsync(new Uri($"/Staff/Admin/Users/{id}/Deactivate", UriKind.Relative));
        var page = await Html.ParseAsync(confirm);
        Assert.NotNull(page.QuerySelector("#impact-refused"));
        Assert.Null(page.QuerySelector("main form.form"));

        await using var scope = App.CreateScope();
        var error = await Assert.ThrowsAsync<AccountException>(() => scope.ServiceProvider.GetRequiredService<AccountService>().DeactivateAsync(Guid.Empty, id));
        Assert.Equal("Admin.Error.LastMember", error.MessageKey);
        Assert.False((await StaffWorld.UserAsync(scope, StaffWorld.ThreatHandler)).IsDisabled);
    }

    private async Task<StaffBrowserClient> AdminAsync()
    {
        var admin = new StaffBrowserClient(App);
        await admin.SignInAsync(StaffWorld.AdminName);
        return admin;
    }

    /// <summary>A second handler, activated by its owner, proposed and granted by the channel's member.</summary>
    private async Task<Guid> GrantSecondMemberAsync(string channelCode, string username)
    {
        var user = await StaffWorld.CreateActivatedAsync(App, username);
        await using var scope = App.CreateScope();
        var channel = await StaffWorld.ChannelAsync(scope, channelCode);
        var keys = scope.ServiceProvider.GetRequiredService<ChannelKeys>();
        await keys.ProposeAsync(channel.Id, user.Id, Guid.Empty);
        var member = channelCode == ChannelCodes.Threat ? StaffWorld.ThreatHandler : StaffWorld.WhistleblowingHandler;
        using var granter = await StaffWorld.UnlockAsync(scope, member);
        await keys.GrantAsync(channel.Id, user.Id, granter);
        return user.Id;
    }

    private static IntakeDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<IntakeDbContext>();

    private async Task<Guid> UserIdAsync(string username)
    {
        await using var scope = App.CreateScope();
        return (await StaffWorld.UserAsync(scope, username)).Id;
    }

    private async Task<Guid> ChannelIdAsync(string code)
    {
        await using var scope = App.CreateScope();
        return (await StaffWorld.ChannelAsync(scope, code)).Id;
    }

    private async Task<int> KeyVersionAsync(string code)
    {
        await using var scope = App.CreateScope();
        return (await StaffWorld.ChannelAsync(scope, code)).CurrentKeyVersion;
    }

    private async Task<byte[]> SealedIdentityAsync(string username)
    {
        await using var scope = App.CreateScope();
        return (await StaffWorld.UserAsync(scope, username)).SealedIdentity;
    }
}
