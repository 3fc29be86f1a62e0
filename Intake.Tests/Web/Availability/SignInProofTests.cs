using System.Net;
using Intake.Tests.Infrastructure;
using Intake.Web.Audit;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Availability;

/// <summary>
/// Beyond a small budget of free sign-ins from unknown devices, a new browser's passphrase is checked only with a
/// proof of work over its form's stamp, so a flood of made-up sign-ins stops costing scrypt. A browser that signed
/// in before is never asked.
/// </summary>
public sealed class SignInProofTests : OrganisationTestBase
{
    private const int FreeSignIns = 3;

    public override Task InitializeAsync()
    {
        App.Settings["Intake:Keys:FreeSignIns"] = FreeSignIns.ToString(System.Globalization.CultureInfo.InvariantCulture);
        App.Settings["Intake:Keys:FreeSignInsPerHour"] = "1";
        App.Settings["Intake:Keys:SignInProofBits"] = "10";
        return base.InitializeAsync();
    }

    [Fact]
    public async Task BeyondTheFreeSignIns_ANewBrowserWithoutAProof_IsAskedForOne_AndNoPassphraseIsChecked()
    {
        using var attacker = new StaffBrowserClient(App) { SolvesProofs = false };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < FreeSignIns + 4; i++)
        {
            using var response = await attacker.SubmitAsync("/en/Staff/SignIn", new() { ["Username"] = "made-up-" + i, ["Passphrase"] = "random guess " + i });
            statuses.Add(response.StatusCode);
            if (i == FreeSignIns + 3)
            {
                var page = await Html.ParseAsync(response);
                Assert.Contains("short computation", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
                Assert.Equal("10", page.QuerySelector("form.sign-in-form")!.GetAttribute("data-proof-bits"));
                Assert.Equal(string.Empty, page.QuerySelector("input[name=Passphrase]")!.GetAttribute("value") ?? string.Empty);
            }
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, FreeSignIns).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 4)), statuses);
        Assert.Equal(FreeSignIns, await FailedSignInsAsync());
    }

    [Fact]
    public async Task WithTheProofTheFormAsksFor_TheRightPassphraseSignsIn_AndAProofIsUsedOnce()
    {
        await SpendTheFreeSignInsAsync();
        using var handler = new StaffBrowserClient(App);
        Assert.True(StaffBrowserClient.IsSignedIn(await handler.SignInAsync(StaffWorld.WhistleblowingHandler)));

        using var replayer = new StaffBrowserClient(App) { SolvesProofs = false };
        using var form = await replayer.Http.GetAsync(new Uri("/Staff/SignIn", UriKind.Relative));
        var page = await Html.ParseAsync(form);
        var stamp = page.QuerySelector("input[name=formStamp]")!.GetAttribute("value")!;
        var nonce = Intake.Web.Reporting.Admission.ProofOfWork.Solve(stamp, 10);
        var fields = new Dictionary<string, string> { ["Username"] = "replayed", ["Passphrase"] = "random guess", ["proofNonce"] = nonce };
        using (var first = await replayer.PostFormAsync(form, page, fields))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        // The same post again is the same post (RepeatedPosts gives it the first one's outcome, no second check);
        // another guess with the same proof is refused before any passphrase is checked.
        fields["Passphrase"] = "another guess";
        using var second = await replayer.PostFormAsync(form, page, fields);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
    }

    [Fact]
    public async Task AWrongSolution_OrAForgedStamp_IsNoProof()
    {
        await SpendTheFreeSignInsAsync();
        using var client = new StaffBrowserClient(App) { SolvesProofs = false };
        using (var wrong = await client.SubmitAsync("/Staff/SignIn", new() { ["Username"] = "wrong-solution", ["Passphrase"] = "guess", ["proofNonce"] = "1" }))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, wrong.StatusCode);
        }

        using var forged = await client.SubmitAsync("/Staff/SignIn", new() { ["Username"] = "forged-stamp", ["Passphrase"] = "guess", ["formStamp"] = "forged", ["proofNonce"] = "1" });
        Assert.Equal(HttpStatusCode.TooManyRequests, forged.StatusCode);
        Assert.Equal(FreeSignIns, await FailedSignInsAsync());
    }

    [Fact]
    public async Task ABrowserThatSignedInBefore_IsNeverAskedForAProof()
    {
        using var own = new StaffBrowserClient(App) { SolvesProofs = false };
        Assert.True(StaffBrowserClient.IsSignedIn(await own.SignInAsync(StaffWorld.AdminName)));
        using (await own.SignOutAsync())
        {
        }

        await SpendTheFreeSignInsAsync();
        Assert.True(StaffBrowserClient.IsSignedIn(await own.SignInAsync(StaffWorld.AdminName)));
    }

    private async Task SpendTheFreeSignInsAsync()
    {
        using var stranger = new StaffBrowserClient(App) { SolvesProofs = false };
        HttpStatusCode status;
        var attempts = 0;
        do
        {
            using var response = await stranger.SubmitAsync("/Staff/SignIn", new() { ["Username"] = "made-up-" + attempts, ["Passphrase"] = "random guess" });
            status = response.StatusCode;
        }
        while (status != HttpStatusCode.TooManyRequests && ++attempts < 20);

        Assert.Equal(HttpStatusCode.TooManyRequests, status);
    }

    private async Task<int> FailedSignInsAsync()
    {
        await using var scope = App.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().AuditEntries.CountAsync(e => e.Kind == AuditKinds.SignInFailed);
    }
}
