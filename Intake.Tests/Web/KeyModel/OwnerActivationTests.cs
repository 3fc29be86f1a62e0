using System.Text;
using Intake.Crypto.Age;
using Intake.Tests.Infrastructure;
using Intake.Web.Accounts;
using Intake.Web.Keys;
using Intake.Web.Organisation;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.KeyModel;

/// <summary>
/// Issue 12, item 1: the administrator saw the passphrase of every account they created or reset, whoever signed in
/// first enrolled its TOTP, and a member's grant showed only a name. Now the owner activates the account with a
/// one-time code (stored as a hash, expiring, used once), chooses the passphrase and enrols TOTP; the grant form
/// shows the key the grant goes to and refuses accounts not yet activated.
/// </summary>
public sealed class OwnerActivationTests : OrganisationTestBase
{
    [Fact]
    public async Task CreatingAnAccount_ShowsTheAdministratorACodeAndNoPassphrase_AndTheCodeDoesNotSignIn()
    {
        using var admin = new StaffBrowserClient(App);
        await admin.SignInAsync(StaffWorld.AdminName);

        var code = await CreateThroughPageAsync(admin, "wb-new");

        Assert.Matches("^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$", code);
        using var intruder = new StaffBrowserClient(App);
        using var refused = await intruder.SubmitAsync("/Staff/SignIn", new() { ["Username"] = "wb-new", ["Passphrase"] = code });
        Assert.Equal("/Staff/SignIn", refused.RequestMessage!.RequestUri!.AbsolutePath);
        using var refusedBare = await intruder.SubmitAsync("/Staff/SignIn", new() { ["Username"] = "wb-new", ["Passphrase"] = code.Replace("-", string.Empty, StringComparison.Ordinal) });
        Assert.Equal("/Staff/SignIn", refusedBare.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task TheCode_IsStoredOnlyAsAHash_AndActivatesOnce()
    {
        var code = await CreateAsync("wb-new");
        var canonical = code.Replace("-", string.Empty, StringComparison.Ordinal);
        await using (var scope = App.CreateScope())
        {
            var user = await StaffWorld.UserAsync(scope, "wb-new");
            Assert.NotNull(user.ActivationCodeHash);
            Assert.Null(user.ActivatedAt);
        }

        Assert.False(DatabaseContains(code) || DatabaseContains(canonical));

        using var owner = new StaffBrowserClient(App);
        using var activated = await owner.ActivateAsync("wb-new", code);
        Assert.Equal("/Staff", activated.RequestMessage!.RequestUri!.AbsolutePath);
        await using (var scope = App.CreateScope())
        {
            var user = await StaffWorld.UserAsync(scope, "wb-new");
            Assert.NotNull(user.ActivatedAt);
            Assert.Null(user.ActivationCodeHash);
            Assert.True(user.TotpEnrolled);
        }

        using var thief = new StaffBrowserClient(App);
        using var again = await thief.ActivateAsync("wb-new", code, "a-thiefs-own-long-passphrase");
        Assert.Equal("/Staff/SignIn/Activate", again.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.NotNull((await Html.ParseAsync(again)).QuerySelector("#activation-errors"));
        using var signsIn = new StaffBrowserClient(App);
        using var signedIn = await signsIn.SignInAsync("wb-new");
        Assert.Equal("/Staff", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task TheCode_Expires()
    {
        var code = await CreateAsync("wb-late");
        App.Clock.Advance(TimeSpan.FromDays(8));

        using var owner = new StaffBrowserClient(App);
        using var refused = await owner.ActivateAsync("wb-late", code);

        Assert.Equal("/Staff/SignIn/Activate", refused.RequestMessage!.RequestUri!.AbsolutePath);
        var page = await Html.ParseAsync(refused);
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("[data-valmsg-for=Code]")?.TextContent));
        Assert.Equal("wb-late", page.QuerySelector("#Username")!.GetAttribute("value"));
        await using var scope = App.CreateScope();
        Assert.Null((await StaffWorld.UserAsync(scope, "wb-late")).ActivatedAt);
    }

    [Fact]
    public async Task AWeakOrMistypedPassphrase_IsExplained_AndKeepsTheCode()
    {
        var code = await CreateAsync("wb-new");
        using var owner = new StaffBrowserClient(App);

        using var weak = await owner.SubmitAsync("/Staff/SignIn/Activate", new()
        {
            ["Username"] = "wb-new",
            ["Code"] = code,
            ["Passphrase"] = "short",
            ["RepeatPassphrase"] = "short",
        });

        var page = await Html.ParseAsync(weak);
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("[data-valmsg-for=Passphrase]")?.TextContent));
        Assert.Equal(code, page.QuerySelector("#Code")!.GetAttribute("value"));
        Assert.True(string.IsNullOrEmpty(page.QuerySelector("#Passphrase")!.GetAttribute("value")));
        using var activated = await owner.ActivateAsync("wb-new", code);
        Assert.Equal("/Staff", activated.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task AReset_GivesANewCode_NotAPassphrase_AndTheOldPassphraseStopsWorking()
    {
        using var admin = new StaffBrowserClient(App);
        await admin.SignInAsync(StaffWorld.AdminName);
        var id = await UserIdAsync(StaffWorld.ThreatHandler);

        using var reset = await admin.SubmitAsync($"/Staff/Admin/Users/{id}/Reset", [], "main form.form");
        var code = (await Html.ParseAsync(reset)).QuerySelector("#activation-code")!.TextContent.Trim();

        using var old = new StaffBrowserClient(App);
        using var refused = await old.SubmitAsync("/Staff/SignIn", new() { ["Username"] = StaffWorld.ThreatHandler, ["Passphrase"] = StaffWorld.Passphrase });
        Assert.Equal("/Staff/SignIn", refused.RequestMessage!.RequestUri!.AbsolutePath);
        using var owner = new StaffBrowserClient(App);
        using var activated = await owner.ActivateAsync(StaffWorld.ThreatHandler, code, "my-own-new-passphrase-now");
        Assert.Equal("/Staff", activated.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task TheGrantForm_ShowsTheFingerprintTheOwnerSees_AndRefusesAnAccountNotYetActivated()
    {
        var code = await CreateAsync("wb-new");
        Guid channelId;
        await using (var scope = App.CreateScope())
        {
            channelId = (await StaffWorld.ChannelAsync(scope, ChannelCodes.Whistleblowing)).Id;
            await scope.ServiceProvider.GetRequiredService<ChannelKeys>().ProposeAsync(channelId, await UserIdAsync("wb-new"), Guid.Empty);
        }

        var newId = await UserIdAsync("wb-new");
        using var member = new StaffBrowserClient(App);
        await member.SignInAsync(StaffWorld.WhistleblowingHandler);
        using (var waiting = await member.Http.GetAsync(new Uri($"/Staff/Grant/{channelId}/{newId}", UriKind.Relative)))
        {
            var page = await Html.ParseAsync(waiting);
            Assert.NotNull(page.QuerySelector("#grant-refused"));
            Assert.NotNull(page.QuerySelector("#grantee-fingerprint-missing"));
            Assert.Null(page.QuerySelector("main form.form"));
        }

        // A post made by hand is refused the same way: nothing is wrapped to a key whose owner never chose it.
        await using (var scope = App.CreateScope())
        {
            using var granter = await StaffWorld.UnlockAsync(scope, StaffWorld.WhistleblowingHandler);
            var error = await Assert.ThrowsAsync<KeyOperationException>(() => scope.ServiceProvider.GetRequiredService<ChannelKeys>().GrantAsync(channelId, newId, granter));
            Assert.Equal(KeyOperationError.NotActivated, error.Error);
        }

        using var owner = new StaffBrowserClient(App);
        await owner.ActivateAsync("wb-new", code);
        using var account = await owner.Http.GetAsync(new Uri("/Staff/Account", UriKind.Relative));
        var ownFingerprint = (await Html.ParseAsync(account)).QuerySelector("#own-fingerprint")!.TextContent.Trim();

        using var form = await member.Http.GetAsync(new Uri($"/Staff/Grant/{channelId}/{newId}", UriKind.Relative));
        var grantPage = await Html.ParseAsync(form);
        Assert.Equal(ownFingerprint, grantPage.QuerySelector("#grantee-fingerprint")!.TextContent.Trim());
        Assert.NotNull(grantPage.QuerySelector("#grantee-recent"));
        Assert.False(string.IsNullOrWhiteSpace(grantPage.QuerySelector("#grantee-activated")!.TextContent));
        using var granted = await member.PostFormAsync(form, grantPage, [], "main form.form");
        Assert.NotNull((await Html.ParseAsync(granted)).QuerySelector("#grant-done"));

        await using var check = App.CreateScope();
        using var keyring = await StaffWorld.UnlockAsync(check, "wb-new");
        Assert.True(keyring.HoldsChannel(channelId));
    }

    [Fact]
    public async Task AfterSetUp_TheCodesAndTheDatabaseOpenNothingWrittenAfterActivation()
    {
        // What set-up printed, and a copy of the database taken before the handler activated.
        await using var app = new IntakeApplicationFactory();
        SetupOutcome outcome;
        await using (var scope = app.CreateScope())
        {
            outcome = await scope.ServiceProvider.GetRequiredService<SetupService>().ExecuteAsync(StaffWorld.Plan());
        }

        using var recovery = outcome.RecoveryIdentity;
        var code = ActivationCodes.Canonical(outcome.ActivationCodes[StaffWorld.WhistleblowingHandler])!;
        byte[] sealedBefore;
        List<byte[]> wrapsBefore;
        await using (var scope = app.CreateScope())
        {
            var handler = await StaffWorld.UserAsync(scope, StaffWorld.WhistleblowingHandler);
            sealedBefore = handler.SealedIdentity;
            wrapsBefore = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().ChannelKeyWraps.AsNoTracking()
                .Where(w => w.UserId == handler.Id).Select(w => w.WrappedIdentity).ToListAsync();
        }

        await StaffWorld.ActivateAsync(app, StaffWorld.WhistleblowingHandler, outcome.ActivationCodes[StaffWorld.WhistleblowingHandler]);

        await using var after = app.CreateScope();
        var channel = await StaffWorld.ChannelAsync(after, ChannelCodes.Whistleblowing);
        var recipient = await after.ServiceProvider.GetRequiredService<ChannelKeys>().CurrentRecipientAsync(channel.Id);
        var report = AgeFile.Encrypt(Encoding.UTF8.GetBytes("after activation"), [AgeKeys.ParseRecipient(recipient)]);
        // The code opens the identity set-up sealed with it, and through it the channel key of that moment ...
        using var codeIdentity = after.ServiceProvider.GetRequiredService<StaffKeys>().TryOpen(sealedBefore, code)!;
        var db = after.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var wrapsNow = await db.ChannelKeyWraps.AsNoTracking().Select(w => w.WrappedIdentity).ToListAsync();
        var opened = wrapsBefore.Concat(wrapsNow).Select(w => TryUnwrap(w, codeIdentity)).OfType<IKeyIdentity>().ToList();
        Assert.NotEmpty(opened);

        // ... but activation rotated the channel: what is written afterwards opens for none of them.
        Assert.Throws<AgeNoIdentityMatchException>(() => AgeFile.Decrypt(report, opened.Cast<IIdentity>().Append(codeIdentity).ToList()));
        Assert.True(channel.CurrentKeyVersion > 1);
        foreach (var identity in opened)
        {
            identity.Dispose();
        }

        using var owner = await StaffWorld.UnlockAsync(after, StaffWorld.WhistleblowingHandler);
        Assert.Equal("after activation", Encoding.UTF8.GetString(AgeFile.Decrypt(report, owner.IdentitiesFor(channel.Id))));
    }

    private static IKeyIdentity? TryUnwrap(byte[] wrap, IKeyIdentity holder)
    {
        try
        {
            return KeyWrapping.Unwrap(wrap, holder);
        }
        catch (AgeException)
        {
            return null;
        }
    }

    private async Task<string> CreateAsync(string username)
    {
        await using var scope = App.CreateScope();
        var admin = await StaffWorld.UserAsync(scope, StaffWorld.AdminName);
        var (_, code) = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(admin.Id, username, username, StaffRole.Handler);
        return code;
    }

    private static async Task<string> CreateThroughPageAsync(StaffBrowserClient admin, string username)
    {
        using var created = await admin.SubmitAsync("/Staff/Admin/Users", new() { ["NewUsername"] = username, ["NewDisplayName"] = username, ["NewRole"] = "Handler" }, "main form.form");
        var page = await Html.ParseAsync(created);
        Assert.Empty(page.QuerySelectorAll("input[type=password]"));
        Assert.DoesNotContain("lösenfras för", page.DocumentElement.TextContent, StringComparison.OrdinalIgnoreCase);
        return page.QuerySelector("#activation-code")!.TextContent.Trim();
    }

    private bool DatabaseContains(string text)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var needle = Encoding.ASCII.GetBytes(text);
        return Directory.EnumerateFiles(App.DataDirectory, "intake.db*")
            .Any(f => File.ReadAllBytes(f).AsSpan().IndexOf(needle) >= 0);
    }

    private async Task<Guid> UserIdAsync(string username)
    {
        await using var scope = App.CreateScope();
        return (await StaffWorld.UserAsync(scope, username)).Id;
    }
}
