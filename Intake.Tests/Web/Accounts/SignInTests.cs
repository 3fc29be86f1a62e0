using System.Net;
using Intake.Tests.Infrastructure;
using Intake.Web.Keys;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Accounts;

public sealed class SignInTests : OrganisationTestBase
{

    [Fact]
    public async Task FirstSignIn_EnrolsTotpAndOpensStaffPage()
    {
        using var client = new StaffBrowserClient(App);

        using var response = await client.SignInAsync(StaffWorld.WhistleblowingHandler);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/Staff", response.RequestMessage!.RequestUri!.AbsolutePath);
        var page = await Html.ParseAsync(response);
        Assert.Contains("age1", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondSignIn_AsksForCode()
    {
        using (var first = new StaffBrowserClient(App))
        {
            await first.SignInAsync(StaffWorld.ThreatHandler);
        }

        using var second = new StaffBrowserClient(App);
        using var response = await second.SignInAsync(StaffWorld.ThreatHandler);

        Assert.Equal("/Staff", response.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task WrongPassphraseAndUnknownUsername_GetTheSameAnswer()
    {
        using var client = new StaffBrowserClient(App);

        using var wrong = await client.SubmitAsync("/Staff/SignIn", new() { ["Username"] = StaffWorld.AdminName, ["Passphrase"] = "not the passphrase at all" });
        using var unknown = await client.SubmitAsync("/Staff/SignIn", new() { ["Username"] = "nobody-here", ["Passphrase"] = "not the passphrase at all" });

        Assert.Equal(wrong.StatusCode, unknown.StatusCode);
        var wrongText = (await Html.ParseAsync(wrong)).QuerySelector(".error-summary")?.TextContent;
        var unknownText = (await Html.ParseAsync(unknown)).QuerySelector(".error-summary")?.TextContent;
        Assert.False(string.IsNullOrWhiteSpace(wrongText));
        Assert.Equal(wrongText, unknownText);
    }

    [Theory]
    [InlineData(StaffWorld.AdminName)]
    [InlineData("no-such-user")]
    public async Task RepeatedFailures_AreThrottledAlikeForKnownAndUnknownNames(string username)
    {
        using var client = new StaffBrowserClient(App);
        HttpStatusCode last = HttpStatusCode.OK;
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.SubmitAsync("/Staff/SignIn", new() { ["Username"] = username, ["Passphrase"] = "wrong passphrase " + i });
            last = response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last);
        App.Clock.Advance(TimeSpan.FromMinutes(16));
        using var later = await client.SubmitAsync("/Staff/SignIn", new() { ["Username"] = username, ["Passphrase"] = "wrong again" });
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task UsedCode_CannotBeReplayed()
    {
        using (var first = new StaffBrowserClient(App))
        {
            await first.SignInAsync(StaffWorld.AdminName);
        }

        using var client = new StaffBrowserClient(App);
        using var afterPassphrase = await client.SubmitAsync("/Staff/SignIn", new() { ["Username"] = StaffWorld.AdminName, ["Passphrase"] = StaffWorld.Passphrase });
        Assert.EndsWith("/Code", afterPassphrase.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        // The clock has not moved since enrolment: the only valid code for now was already used.
        var secret = StaffSecrets(StaffWorld.AdminName);
        var code = App.Services.GetRequiredService<Intake.Web.Accounts.TotpCodes>().CodeFor(secret, App.Clock.GetUtcNow());

        using var response = await client.SubmitAsync("/Staff/SignIn/Code", new() { ["Code"] = code });

        Assert.Equal("/Staff/SignIn/Code", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.NotNull((await Html.ParseAsync(response)).QuerySelector(".error-summary"));
    }

    [Fact]
    public async Task SignOut_WipesKeysAndEndsSession()
    {
        using var client = new StaffBrowserClient(App);
        await client.SignInAsync(StaffWorld.WhistleblowingHandler);
        var before = await StaffWorld.LiveSessionsAsync(App, StaffWorld.WhistleblowingHandler);

        using var signedOut = await client.SubmitAsync("/Staff", new(), "form[action$='/Staff/SignOut']");
        using var after = await client.Http.GetAsync(new Uri("/Staff", UriKind.Relative));

        Assert.Equal(before - 1, await StaffWorld.LiveSessionsAsync(App, StaffWorld.WhistleblowingHandler));
        Assert.Equal("/Staff/SignIn", after.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task IdleSession_ExpiresAfterFifteenMinutes()
    {
        using var client = new StaffBrowserClient(App);
        await client.SignInAsync(StaffWorld.ThreatHandler);
        App.Clock.Advance(TimeSpan.FromMinutes(16));

        using var response = await client.Http.GetAsync(new Uri("/Staff", UriKind.Relative));

        Assert.Equal("/Staff/SignIn", response.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task StaffCookie_IsHttpOnlyAndStrict()
    {
        using var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var staff = new StaffBrowserClient(App);
        await staff.SignInAsync(StaffWorld.AdminName);
        using var response = await staff.SubmitAsync("/Staff/SignIn", new() { ["Username"] = StaffWorld.AdminName, ["Passphrase"] = StaffWorld.Passphrase });
        App.Clock.Advance(TimeSpan.FromSeconds(30));
        var page = await Html.ParseAsync(response);
        var code = App.Services.GetRequiredService<Intake.Web.Accounts.TotpCodes>().CodeFor(StaffSecrets(StaffWorld.AdminName), App.Clock.GetUtcNow());
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        // Replay the code step without following the redirect, to see the Set-Cookie header itself.
        var cookies = string.Join("; ", response.RequestMessage!.Headers.TryGetValues("Cookie", out var sent) ? sent : []);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Staff/SignIn/Code")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Code"] = code, ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add("Cookie", cookies);
        using var signIn = await client.SendAsync(request);

        var staffCookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("intake.staff=", StringComparison.Ordinal));
        Assert.Contains("httponly", staffCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", staffCookie, StringComparison.OrdinalIgnoreCase);
    }

    private byte[] StaffSecrets(string username) => StaffBrowserClient.SecretOf(App, username);
}
