using System.Text;
using Intake.Crypto.Age;
using Intake.Tests.Infrastructure;
using Intake.Web.Accounts;
using Intake.Web.Audit;
using Intake.Web.Keys;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Accounts;

/// <summary>Who can read what: set-up, grant, revocation with rotation, reset, and recovery.</summary>
public sealed class KeyHierarchyTests : OrganisationTestBase
{
    public override async Task InitializeAsync() => World = await StaffWorld.CreateAsync(App, "wb-second");


    [Fact]
    public async Task Setup_GivesEachHandlerTheirChannelOnly()
    {
        await using var scope = App.CreateScope();
        var whistleblowing = await StaffWorld.ChannelAsync(scope, ChannelCodes.Whistleblowing);
        var threat = await StaffWorld.ChannelAsync(scope, ChannelCodes.Threat);

        using var wb = await StaffWorld.UnlockAsync(scope, StaffWorld.WhistleblowingHandler);
        using var tv = await StaffWorld.UnlockAsync(scope, StaffWorld.ThreatHandler);

        Assert.True(wb.HoldsChannel(whistleblowing.Id));
        Assert.False(wb.HoldsChannel(threat.Id));
        Assert.True(tv.HoldsChannel(threat.Id));
        Assert.False(tv.HoldsChannel(whistleblowing.Id));
    }

    [Fact]
    public async Task Setup_MakesOnlyHybridPostQuantumKeys_AndNewReportsAreSealedToThemAlone()
    {
        using var reporter = new ReporterClient(App);
        var (_, receipt) = await reporter.SubmitAsync("/report/whistleblowing", ReporterClient.MinimalWhistleblowing("sealed post-quantum"));
        Assert.NotNull(receipt.QuerySelector("#mailbox-token"));

        await using var scope = App.CreateScope();
        var db = Db(scope);
        var recipients = (await db.StaffUsers.Select(u => u.Recipient).ToListAsync())
            .Concat(await db.ChannelKeys.Select(k => k.Recipient).ToListAsync())
            .Concat(await db.Organisation.Select(o => o.RecoveryRecipient).ToListAsync())
            .Concat(await db.Cases.Select(c => c.MailboxRecipient).ToListAsync())
            .ToList();
        Assert.NotEmpty(recipients);
        Assert.All(recipients, r => Assert.True(AgeKeys.IsPostQuantumRecipient(r), r[..Math.Min(20, r.Length)]));
        using var member = await StaffWorld.UnlockAsync(scope, StaffWorld.WhistleblowingHandler);
        Assert.True(member.Personal.IsPostQuantum);
        Assert.All(member.ChannelKeys, k => Assert.True(k.Identity.IsPostQuantum));
        foreach (var wrap in await db.ChannelKeyWraps.Select(w => w.WrappedIdentity).ToListAsync())
        {
            Assert.All(AgeFile.InspectHeader(wrap).Stanzas, s => Assert.Equal("mlkem768x25519", s.Type));
        }

        // Every entry that holds words (the report; the receipt card holds none) is sealed to the channel and the mailbox.
        var sealedEntries = (await db.CaseEntries.Select(e => e.Sealed).ToListAsync()).Where(e => e is { Length: > 0 }).ToList();
        Assert.NotEmpty(sealedEntries);
        foreach (var entry in sealedEntries)
        {
            Assert.Equal(["mlkem768x25519", "mlkem768x25519"], AgeFile.InspectHeader(entry!).Stanzas.Select(s => s.Type));
        }
    }

    [Fact]
    public async Task Administrator_HoldsNoChannelKey()
    {
        await using var scope = App.CreateScope();
        using var admin = await StaffWorld.UnlockAsync(scope, StaffWorld.AdminName);

        Assert.Empty(admin.ChannelKeys);
        var adminUser = await StaffWorld.UserAsync(scope, StaffWorld.AdminName);
        Assert.False(await Db(scope).ChannelKeyWraps.AnyAsync(w => w.UserId == adminUser.Id));
    }

    [Fact]
    public async Task ContentSealedToChannel_OpensForMemberAndRecoveryOnly()
    {
        await using var scope = App.CreateScope();
        var channel = await StaffWorld.ChannelAsync(scope, ChannelCodes.Whistleblowing);
        var sealedReport = await SealToChannelAsync(scope, channel.Id, "report");

        using var member = await StaffWorld.UnlockAsync(scope, StaffWorld.WhistleblowingHandler);
        using var other = await StaffWorld.UnlockAsync(scope, StaffWorld.ThreatHandler);

        Assert.Equal("report", Open(sealedReport, member.IdentitiesFor(channel.Id)));
        Assert.Throws<AgeNoIdentityMatchException>(() => Open(sealedReport, [other.Personal]));
        using var recovered = await RecoverChannelIdentityAsync(scope, channel.Id, channel.CurrentKeyVersion);
        Assert.Equal("report", Open(sealedReport, [recovered]));
    }

    [Fact]
    public async Task ProposeThenGrant_GivesNewHandlerEveryKeyVersion()
    {
        await using var scope = App.CreateScope();
        var keys = scope.ServiceProvider.GetRequiredService<ChannelKeys>();
        var channel = await StaffWorld.ChannelAsync(scope, ChannelCodes.Whistleblowing);
        var admin = await StaffWorld.UserAsync(scope, StaffWorld.AdminName);
        var oldReport = await SealToChannelAsync(scope, channel.Id, "before");
        var newcomer = await CreateHandlerAsync(scope, "newcomer");

        await keys.ProposeAsync(channel.Id, newcomer.User.Id, admin.Id);
        using (var proposedOnly = await StaffWorld.UnlockAsync(scope, "newcomer", newcomer.Passphrase))
        {
            Assert.False(proposedOnly.HoldsChannel(channel.Id));
        }

        using (var granter = await StaffWorld.UnlockAsync(scope, StaffWorld.WhistleblowingHandler))
        {
            await keys.GrantAsync(channel.Id, newcomer.User.Id, granter);
        }

        using var granted = await StaffWorld.UnlockAsync(scope, "newcomer", newcomer.Passphrase);
        Assert.Equal("before", Open(oldReport, granted.IdentitiesFor(channel.Id)));
    }

    [Fact]
    public async Task Grant_ByHandlerOfOtherChannel_IsRefused()
    {
        await using var scope = App.CreateScope();
        var keys = scope.ServiceProvider.GetRequiredService<ChannelKeys>();
        var channel = await StaffWorld.ChannelAsync(scope, ChannelCodes.Whistleblowing);
        var admin = await StaffWorld.UserAsync(scope, StaffWorld.AdminName);
        var newcomer = await CreateHandlerAsync(scope, "newcomer2");
        await keys.ProposeAsync(channel.Id, newcomer.User.Id, admin.Id);

        using var outsider = await StaffWorld.UnlockAsync(scope, StaffWorld.ThreatHandler);
        var error = await Assert.ThrowsAsync<KeyOperationException>(() => keys.GrantAsync(channel.Id, newcomer.User.Id, outsider));

        Assert.Equal(KeyOperationError.GranterLacksKey, error.Error);
    }

    [Fact]
    public async Task Revoke_RotatesKeyAndRemovedHandlerLosesEveryWrap()
    {
        await using var scope = App.CreateScope();
        var keys = scope.ServiceProvider.GetRequiredService<ChannelKeys>();
        var channel = await StaffWorld.ChannelAsync(scope, ChannelCodes.Whistleblowing);
        var admin = await StaffWorld.UserAsync(scope, StaffWorld.AdminName);
        var removed = await StaffWorld.UserAsync(scope, "wb-second");
        var oldRecipient = await keys.CurrentRecipientAsync(channel.Id);
        var oldReport = await SealToChannelAsync(scope, channel.Id, "old");

        await keys.RevokeAsync(channel.Id, removed.Id, admin.Id);

        var newRecipient = await keys.CurrentRecipientAsync(channel.Id);
        Assert.NotEqual(oldRecipient, newRecipient);
        Assert.False(await Db(scope).ChannelKeyWraps.AnyAsync(w => w.UserId == removed.Id));
        using (var gone = await StaffWorld.UnlockAsync(scope, "wb-second"))
        {
            Assert.False(gone.HoldsChannel(channel.Id));
        }

        var newReport = await SealToChannelAsync(scope, channel.Id, "new");
        using var remaining = await StaffWorld.UnlockAsync(scope, StaffWorld.WhistleblowingHandler);
        Assert.Equal("old", Open(oldReport, remaining.IdentitiesFor(channel.Id)));
        Assert.Equal("new", Open(newReport, remaining.IdentitiesFor(channel.Id)));
        var rotated = (await StaffWorld.ChannelAsync(scope, ChannelCodes.Whistleblowing)).CurrentKeyVersion;
        Assert.Equal(channel.CurrentKeyVersion + 1, rotated);
        using var recoveredNew = await RecoverChannelIdentityAsync(scope, channel.Id, rotated);
        Assert.Equal("new", Open(newReport, [recoveredNew]));
    }

    [Fact]
    public async Task Reset_ThenRegrantByAnotherMember_RestoresAccess()
    {
        byte[] report;
        Guid channelId, forgetfulId;
        string code;
        await using (var scope = App.CreateScope())
        {
            var channel = await StaffWorld.ChannelAsync(scope, ChannelCodes.Whistleblowing);
            var admin = await StaffWorld.UserAsync(scope, StaffWorld.AdminName);
            var forgetful = await StaffWorld.UserAsync(scope, "wb-second");
            (channelId, forgetfulId) = (channel.Id, forgetful.Id);
            report = await SealToChannelAsync(scope, channel.Id, "kept");
            code = await scope.ServiceProvider.GetRequiredService<AccountService>().ResetAsync(admin.Id, forgetful.Id);
        }

        const string newPassphrase = "remembered-this-time-surely";
        await StaffWorld.ActivateAsync(App, "wb-second", code, newPassphrase);
        await using (var scope = App.CreateScope())
        {
            using (var afterReset = await StaffWorld.UnlockAsync(scope, "wb-second", newPassphrase))
            {
                Assert.False(afterReset.HoldsChannel(channelId));
            }

            using var member = await StaffWorld.UnlockAsync(scope, StaffWorld.WhistleblowingHandler);
            await scope.ServiceProvider.GetRequiredService<ChannelKeys>().GrantAsync(channelId, forgetfulId, member);
        }

        await using var check = App.CreateScope();
        using var regranted = await StaffWorld.UnlockAsync(check, "wb-second", newPassphrase);
        Assert.Equal("kept", Open(report, regranted.IdentitiesFor(channelId)));
        Assert.Null(check.ServiceProvider.GetRequiredService<StaffKeys>().TryOpen((await StaffWorld.UserAsync(check, "wb-second")).SealedIdentity, StaffWorld.Passphrase));
    }

    [Fact]
    public async Task EveryMemberRemoved_RecoveredWithRecoveryIdentity()
    {
        await using var scope = App.CreateScope();
        var keys = scope.ServiceProvider.GetRequiredService<ChannelKeys>();
        var channel = await StaffWorld.ChannelAsync(scope, ChannelCodes.Threat);
        var admin = await StaffWorld.UserAsync(scope, StaffWorld.AdminName);
        var handler = await StaffWorld.UserAsync(scope, StaffWorld.ThreatHandler);
        var before = await SealToChannelAsync(scope, channel.Id, "v1 report");

        // The last member cannot be removed; a reset (a forgotten passphrase) leaves the channel to the recovery key.
        var refused = await Assert.ThrowsAsync<KeyOperationException>(() => keys.RevokeAsync(channel.Id, handler.Id, admin.Id));
        Assert.Equal(KeyOperationError.LastMember, refused.Error);
        await scope.ServiceProvider.GetRequiredService<AccountService>().ResetAsync(admin.Id, handler.Id, compromised: true);
        var after = await SealToChannelAsync(scope, channel.Id, "v2 report");
        Assert.DoesNotContain(await Db(scope).ChannelMemberships.Where(m => m.ChannelId == channel.Id).ToListAsync(), m => m.State == MembershipState.Active);

        var successor = await CreateHandlerAsync(scope, "successor");
        await keys.ProposeAsync(channel.Id, successor.User.Id, admin.Id);
        await keys.GrantWithRecoveryAsync(channel.Id, successor.User.Id, World.Recovery, admin.Id);

        using var keyring = await StaffWorld.UnlockAsync(scope, "successor", successor.Passphrase);
        Assert.Equal("v1 report", Open(before, keyring.IdentitiesFor(channel.Id)));
        Assert.Equal("v2 report", Open(after, keyring.IdentitiesFor(channel.Id)));
    }

    [Fact]
    public async Task GrantWithWrongRecoveryIdentity_IsRefused()
    {
        await using var scope = App.CreateScope();
        var keys = scope.ServiceProvider.GetRequiredService<ChannelKeys>();
        var channel = await StaffWorld.ChannelAsync(scope, ChannelCodes.Threat);
        var admin = await StaffWorld.UserAsync(scope, StaffWorld.AdminName);
        var candidate = await CreateHandlerAsync(scope, "candidate");
        await keys.ProposeAsync(channel.Id, candidate.User.Id, admin.Id);
        using var wrong = X25519Identity.Generate();

        var error = await Assert.ThrowsAsync<KeyOperationException>(() => keys.GrantWithRecoveryAsync(channel.Id, candidate.User.Id, wrong, admin.Id));

        Assert.Equal(KeyOperationError.WrongRecoveryIdentity, error.Error);
    }

    [Fact]
    public async Task KeyOperations_AreAuditedAndTheChainVerifies()
    {
        await using var scope = App.CreateScope();
        var keys = scope.ServiceProvider.GetRequiredService<ChannelKeys>();
        var channel = await StaffWorld.ChannelAsync(scope, ChannelCodes.Whistleblowing);
        var admin = await StaffWorld.UserAsync(scope, StaffWorld.AdminName);
        var removed = await StaffWorld.UserAsync(scope, "wb-second");

        await keys.RevokeAsync(channel.Id, removed.Id, admin.Id);

        var kinds = await Db(scope).AuditEntries.OrderBy(e => e.Sequence).Select(e => e.Kind).ToListAsync();
        Assert.Equal(AuditKinds.SetupCompleted, kinds[0]);
        Assert.Equal([AuditKinds.MembershipRevoked, AuditKinds.ChannelKeyRotated], kinds[^2..]);
        Assert.True((await scope.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync()).IsIntact);
    }

    private static IntakeDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<IntakeDbContext>();

    private static async Task<byte[]> SealToChannelAsync(AsyncServiceScope scope, Guid channelId, string text)
    {
        var recipient = await scope.ServiceProvider.GetRequiredService<ChannelKeys>().CurrentRecipientAsync(channelId);
        return AgeFile.Encrypt(Encoding.UTF8.GetBytes(text), [AgeKeys.ParseRecipient(recipient)]);
    }

    private static string Open(byte[] ageFile, IReadOnlyCollection<IIdentity> identities) =>
        Encoding.UTF8.GetString(AgeFile.Decrypt(ageFile, identities));

    private async Task<IKeyIdentity> RecoverChannelIdentityAsync(AsyncServiceScope scope, Guid channelId, int version)
    {
        var wrap = await (from w in Db(scope).ChannelKeyWraps
                          join k in Db(scope).ChannelKeys on w.ChannelKeyId equals k.Id
                          where k.ChannelId == channelId && k.Version == version && w.UserId == null
                          select w.WrappedIdentity).SingleAsync();
        return KeyWrapping.Unwrap(wrap, World.Recovery);
    }

    /// <summary>An administrator creates the account and its owner activates it with the code.</summary>
    private async Task<(StaffUser User, string Passphrase)> CreateHandlerAsync(AsyncServiceScope scope, string username) =>
        (await StaffWorld.CreateActivatedAsync(App, username), StaffWorld.Passphrase);
}
