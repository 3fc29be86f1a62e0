using Intake.Tests.Infrastructure;
using Intake.Web.Accounts;
using Intake.Web.Keys;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.KeyModel;

/// <summary>
/// Issue 12, item 6: one TOTP code opened four sessions when posted in parallel; a passphrase change left other
/// sessions open; re-enrolling TOTP asked for nothing; a reset did not rotate channel keys; a removed member's
/// keys stayed unlocked until their session ended.
/// </summary>
public sealed class SessionHygieneTests : OrganisationTestBase
{
    [Fact]
    public async Task OneTotpCode_PostedInParallel_OpensOneSession()
    {
        using (var first = new StaffBrowserClient(App))
        {
            await first.SignInAsync(StaffWorld.WhistleblowingHandler);
        }

        var sessionsBefore = await StaffWorld.LiveSessionsAsync(App, StaffWorld.WhistleblowingHandler);

        var clients = Enumerable.Range(0, 4).Select(_ => new StaffBrowserClient(App)).ToList();
        try
        {
            var codePages = new List<(HttpResponseMessage Response, AngleSharp.Dom.IDocument Page)>();
            foreach (var client in clients)
            {
                var response = await client.SubmitAsync("/Staff/SignIn", new() { ["Username"] = StaffWorld.WhistleblowingHandler, ["Passphrase"] = StaffWorld.Passphrase });
                codePages.Add((response, await Html.ParseAsync(response)));
            }

            App.Clock.Advance(TimeSpan.FromSeconds(30));
            var code = App.Services.GetRequiredService<TotpCodes>().CodeFor(StaffBrowserClient.SecretOf(App, StaffWorld.WhistleblowingHandler), App.Clock.GetUtcNow());
            var answers = await Task.WhenAll(clients.Select((c, i) => c.PostFormAsync(codePages[i].Response, codePages[i].Page, new() { ["Code"] = code })));

            var signedIn = answers.Count(a => a.RequestMessage!.RequestUri!.AbsolutePath == "/Staff");
            Assert.Equal(1, signedIn);
            Assert.Equal(sessionsBefore + 1, await StaffWorld.LiveSessionsAsync(App, StaffWorld.WhistleblowingHandler));
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task APassphraseChange_ClosesTheOtherSessions()
    {
        using var here = new StaffBrowserClient(App);
        using var elsewhere = new StaffBrowserClient(App);
        await here.SignInAsync(StaffWorld.WhistleblowingHandler);
        await elsewhere.SignInAsync(StaffWorld.WhistleblowingHandler);

        using var changed = await here.SubmitAsync("/Staff/Account", new()
        {
            ["CurrentPassphrase"] = StaffWorld.Passphrase,
            ["NewPassphrase"] = "silver-harbour-quietly-folding",
            ["RepeatPassphrase"] = "silver-harbour-quietly-folding",
        }, "form.narrow");

        Assert.Equal("/Staff/Account", changed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/Staff/SignIn", await LandsOnAsync(elsewhere, "/Staff/Cases"));
        Assert.Equal("/Staff/Cases", await LandsOnAsync(here, "/Staff/Cases"));
    }

    [Fact]
    public async Task ReenrollingTotp_NeedsTheCurrentPassphrase()
    {
        using var client = new StaffBrowserClient(App);
        await client.SignInAsync(StaffWorld.WhistleblowingHandler);
        var before = await SealedTotpAsync(StaffWorld.WhistleblowingHandler);
        using var page = await client.Http.GetAsync(new Uri("/en/Staff/Account/Totp", UriKind.Relative));
        var document = await Html.ParseAsync(page);
        var secret = OtpNet.Base32Encoding.ToBytes(document.QuerySelector("#totp-secret")!.TextContent.Trim());
        var code = App.Services.GetRequiredService<TotpCodes>().CodeFor(secret, App.Clock.GetUtcNow());

        using var refused = await client.PostFormAsync(page, document, new() { ["Code"] = code, ["Passphrase"] = "not my passphrase" }, "form.narrow");
        var refusedPage = await Html.ParseAsync(refused);
        Assert.Contains("current passphrase", refusedPage.QuerySelector("[data-valmsg-for=Passphrase]")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await SealedTotpAsync(StaffWorld.WhistleblowingHandler));

        using var accepted = await client.PostFormAsync(refused, refusedPage, new() { ["Code"] = code, ["Passphrase"] = StaffWorld.Passphrase }, "form.narrow");
        Assert.NotEqual(before, await SealedTotpAsync(StaffWorld.WhistleblowingHandler));
    }

    [Theory]
    [InlineData(true, 2)]
    [InlineData(false, 1)]
    public async Task AResetMarkedCompromised_RotatesTheChannelKeys(bool compromised, int version)
    {
        using var admin = new StaffBrowserClient(App);
        await admin.SignInAsync(StaffWorld.AdminName);
        var handlerId = await UserIdAsync(StaffWorld.WhistleblowingHandler);
        var (whistleblowingBefore, threatBefore) = await KeyVersionsAsync();

        var fields = compromised ? new Dictionary<string, string> { ["compromised"] = "true" } : [];
        using var reset = await admin.SubmitAsync($"/Staff/Admin/Users/{handlerId}/Reset", fields, "main form.form");
        Assert.NotNull((await Html.ParseAsync(reset)).QuerySelector("#activation-code"));

        var (whistleblowing, threat) = await KeyVersionsAsync();
        Assert.Equal(whistleblowingBefore + version - 1, whistleblowing);
        Assert.Equal(threatBefore, threat);
    }

    [Fact]
    public async Task RemovingAMember_ClosesTheirSessionsAtOnce()
    {
        await using (var scope = App.CreateScope())
        {
            var channel = await StaffWorld.ChannelAsync(scope, ChannelCodes.Whistleblowing);
            var extra = await StaffWorld.CreateActivatedAsync(App, "wb-extra");
            await scope.ServiceProvider.GetRequiredService<ChannelKeys>().ProposeAsync(channel.Id, extra.Id, Guid.Empty);
            using var granter = await StaffWorld.UnlockAsync(scope, StaffWorld.WhistleblowingHandler);
            await scope.ServiceProvider.GetRequiredService<ChannelKeys>().GrantAsync(channel.Id, extra.Id, granter);
        }

        using var member = new StaffBrowserClient(App);
        await member.SignInAsync(StaffWorld.WhistleblowingHandler);
        using var admin = new StaffBrowserClient(App);
        await admin.SignInAsync(StaffWorld.AdminName);
        Guid channelId;
        await using (var scope = App.CreateScope())
        {
            channelId = (await StaffWorld.ChannelAsync(scope, ChannelCodes.Whistleblowing)).Id;
        }

        using var removed = await admin.SubmitAsync($"/Staff/Admin/Channels/{channelId}/Remove/{await UserIdAsync(StaffWorld.WhistleblowingHandler)}", [], "main form.form");
        Assert.NotNull((await Html.ParseAsync(removed)).QuerySelector("#done"));

        Assert.Equal(0, await StaffWorld.LiveSessionsAsync(App, StaffWorld.WhistleblowingHandler));
        Assert.Equal("/Staff/SignIn", await LandsOnAsync(member, "/Staff/Cases"));
    }

    private static async Task<string> LandsOnAsync(StaffBrowserClient client, string path)
    {
        using var response = await client.Http.GetAsync(new Uri(path, UriKind.Relative));
        return response.RequestMessage!.RequestUri!.AbsolutePath;
    }

    private async Task<(int Whistleblowing, int Threat)> KeyVersionsAsync()
    {
        await using var scope = App.CreateScope();
        return ((await StaffWorld.ChannelAsync(scope, ChannelCodes.Whistleblowing)).CurrentKeyVersion,
            (await StaffWorld.ChannelAsync(scope, ChannelCodes.Threat)).CurrentKeyVersion);
    }

    private async Task<Guid> UserIdAsync(string username)
    {
        await using var scope = App.CreateScope();
        return (await StaffWorld.UserAsync(scope, username)).Id;
    }

    private async Task<byte[]?> SealedTotpAsync(string username)
    {
        await using var scope = App.CreateScope();
        return (await StaffWorld.UserAsync(scope, username)).SealedTotpSecret;
    }
}
