using System.Net;
using Intake.Tests.Infrastructure;
using Intake.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Availability;

/// <summary>
/// Someone without an account tries to keep staff out: wrong passphrases typed for a real username, and sign-ins
/// with made-up names that fill the passphrase work. A handler signing in from a browser they used before still
/// gets in.
/// </summary>
public sealed class SignInGateTests : OrganisationTestBase
{
    [Fact]
    public async Task WrongPassphrasesTypedElsewhere_DoNotLockTheUserOutOfTheirOwnDevice()
    {
        using var own = new StaffBrowserClient(App);
        Assert.True(StaffBrowserClient.IsSignedIn(await own.SignInAsync(StaffWorld.AdminName)));
        using (await own.SignOutAsync())
        {
        }

        using var attacker = new StaffBrowserClient(App);
        for (var i = 0; i < 7; i++)
        {
            using var wrong = await attacker.SubmitAsync("/Staff/SignIn", new() { ["Username"] = StaffWorld.AdminName, ["Passphrase"] = "wrong passphrase " + i });
        }

        using (var elsewhere = await attacker.SubmitAsync("/Staff/SignIn", new() { ["Username"] = StaffWorld.AdminName, ["Passphrase"] = StaffWorld.Passphrase }))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, elsewhere.StatusCode);
        }

        using var again = await own.SignInAsync(StaffWorld.AdminName);
        Assert.True(StaffBrowserClient.IsSignedIn(again));
    }

    [Theory]
    [InlineData("AAAA")]
    [InlineData("not base64 at all")]
    [InlineData("")]
    public void AForgedDeviceCookie_IsNoDevice(string value)
    {
        var devices = App.Services.GetRequiredService<SignInDevices>();
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Request.Headers.Cookie = SignInDevices.CookieName + "=" + (value.Length == 0 ? Convert.ToBase64String(new byte[64]) : value);

        Assert.Null(devices.Recognise(context));
    }

    [Fact]
    public async Task WhenUnknownDevicesFillTheSharedLane_AKnownDeviceStillSignsIn()
    {
        using var own = new StaffBrowserClient(App);
        Assert.True(StaffBrowserClient.IsSignedIn(await own.SignInAsync(StaffWorld.WhistleblowingHandler)));
        using (await own.SignOutAsync())
        {
        }

        // A flood of sign-ins with made-up names: every slot of the shared lane is busy with passphrase work.
        var lanes = App.Services.GetRequiredService<SignInLanes>();
        var release = new TaskCompletionSource();
        var held = lanes.Shared.TryRunAsync(() => release.Task.Wait(TimeSpan.FromMinutes(1)));
        try
        {
            using var stranger = new StaffBrowserClient(App);
            using (var busy = await stranger.SubmitAsync("/Staff/SignIn", new() { ["Username"] = "no-such-user", ["Passphrase"] = "random guess 1234" }))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
            }

            using var known = await own.SignInAsync(StaffWorld.WhistleblowingHandler);
            Assert.True(StaffBrowserClient.IsSignedIn(known));
        }
        finally
        {
            release.SetResult();
            await held;
        }
    }
}
