using Intake.Tests.Infrastructure;
using Intake.Web.Accounts;
using Intake.Web.Keys.Sessions;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Intake.Tests.Web.Accounts;

/// <summary>
/// A slow form sent twice (a double click, or a click again while it works) is harmless: the second post of the
/// same form carries the same one-time token and gets the first's outcome. Without the token the second post would
/// be refused, which is what the token prevents.
/// </summary>
public sealed class RepeatedPostTests : OrganisationTestBase
{
    [Fact]
    public async Task FirstCode_SentTwiceAtOnce_SignsInBothTimes()
    {
        using var handler = new StaffBrowserClient(App);
        var (enrolPage, enrol) = await EnrolPageAsync(handler);
        var fields = new Dictionary<string, string> { ["Code"] = CodeFor(enrol) };

        // A double click: both posts leave with the pending sign-in's cookie before either answer is back.
        var answers = await Task.WhenAll(handler.PostFormAsync(enrolPage, enrol, fields), handler.PostFormAsync(enrolPage, enrol, fields));

        Assert.All(answers, answer => Assert.True(StaffBrowserClient.IsSignedIn(answer)));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task NewAccount_SentTwiceWithoutItsToken_IsRefusedAsTakenTheSecondTime()
    {
        using var admin = new StaffBrowserClient(App);
        await admin.SignInAsync(StaffWorld.AdminName);
        using var usersPage = await admin.Http.GetAsync(new Uri("/Staff/Admin/Users", UriKind.Relative));
        var users = await Html.ParseAsync(usersPage);
        users.QuerySelector($"input[name={RepeatedPosts.FieldName}]")!.Remove();
        var fields = new Dictionary<string, string> { ["NewUsername"] = "ny-handlaggare", ["NewDisplayName"] = "Ny", ["NewRole"] = nameof(StaffRole.Handler) };

        using var first = await admin.PostFormAsync(usersPage, users, fields, "form[action*='handler=Create']");
        using var second = await admin.PostFormAsync(usersPage, users, fields, "form[action*='handler=Create']");

        Assert.NotNull((await Html.ParseAsync(first)).QuerySelector("#activation-code"));
        var secondPage = await Html.ParseAsync(second);
        Assert.Null(secondPage.QuerySelector("#activation-code"));
        Assert.NotNull(secondPage.QuerySelector(".field-error:not(:empty)"));
    }

    [Fact]
    public async Task SignIn_SentTwice_AsksForTheCodeOfOneSignIn()
    {
        using var handler = new StaffBrowserClient(App);
        await handler.SignInAsync(StaffWorld.WhistleblowingHandler);
        await handler.SignOutAsync();
        using var signInPage = await handler.Http.GetAsync(new Uri("/Staff/SignIn", UriKind.Relative));
        var form = await Html.ParseAsync(signInPage);
        var fields = new Dictionary<string, string> { ["Username"] = StaffWorld.WhistleblowingHandler, ["Passphrase"] = StaffWorld.Passphrase };

        using var first = await handler.PostFormAsync(signInPage, form, fields);
        var pendingAfterFirst = await PendingSignInsAsync();
        using var second = await handler.PostFormAsync(signInPage, form, fields);

        Assert.EndsWith("/Staff/SignIn/Code", first.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        Assert.EndsWith("/Staff/SignIn/Code", second.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(pendingAfterFirst, await PendingSignInsAsync());
        App.Clock.Advance(TimeSpan.FromSeconds(30));
        var code = App.Services.GetRequiredService<TotpCodes>().CodeFor(StaffBrowserClient.SecretOf(App, StaffWorld.WhistleblowingHandler), App.Clock.GetUtcNow());
        Assert.True(StaffBrowserClient.IsSignedIn(await handler.SubmitAsync("/Staff/SignIn/Code", new() { ["Code"] = code })));
    }

    [Fact]
    public async Task NewAccount_SentTwice_IsCreatedOnce_AndBothAnswersShowItsCode()
    {
        using var admin = new StaffBrowserClient(App);
        await admin.SignInAsync(StaffWorld.AdminName);
        using var usersPage = await admin.Http.GetAsync(new Uri("/Staff/Admin/Users", UriKind.Relative));
        var users = await Html.ParseAsync(usersPage);
        var fields = new Dictionary<string, string> { ["NewUsername"] = "ny-handlaggare", ["NewDisplayName"] = "Ny", ["NewRole"] = nameof(StaffRole.Handler) };

        using var first = await admin.PostFormAsync(usersPage, users, fields, "form[action*='handler=Create']");
        using var second = await admin.PostFormAsync(usersPage, users, fields, "form[action*='handler=Create']");

        var firstCode = (await Html.ParseAsync(first)).QuerySelector("#activation-code")?.TextContent;
        var secondPage = await Html.ParseAsync(second);
        Assert.NotNull(firstCode);
        Assert.Equal(firstCode, secondPage.QuerySelector("#activation-code")?.TextContent);
        Assert.Null(secondPage.QuerySelector(".field-error:not(:empty)"));
        await using var scope = App.CreateScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().StaffUsers.CountAsync(u => u.Username == "ny-handlaggare"));
    }

    [Fact]
    public async Task TheSameToken_WithOtherInputs_IsNewWork()
    {
        var repeats = new RepeatedPosts(App.Clock);
        var token = RepeatedPosts.NewToken();
        var runs = 0;

        var a = await repeats.RunOnceAsync(token, ["alice"], () => Task.FromResult(++runs));
        var again = await repeats.RunOnceAsync(token, ["alice"], () => Task.FromResult(++runs));
        var b = await repeats.RunOnceAsync(token, ["bob"], () => Task.FromResult(++runs));
        App.Clock.Advance(RepeatedPosts.Window + TimeSpan.FromSeconds(1));
        var later = await repeats.RunOnceAsync(token, ["alice"], () => Task.FromResult(++runs));

        Assert.Equal([1, 1, 2, 3], new[] { a, again, b, later });
    }

    private static async Task<(HttpResponseMessage Page, AngleSharp.Dom.IDocument Document)> EnrolPageAsync(StaffBrowserClient client)
    {
        // The threats handler has not signed in yet: the first sign-in enrols the authenticator app.
        var page = await client.SubmitAsync("/Staff/SignIn", new() { ["Username"] = StaffWorld.ThreatHandler, ["Passphrase"] = StaffWorld.Passphrase });
        Assert.EndsWith("/Staff/SignIn/Enrol", page.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        return (page, await Html.ParseAsync(page));
    }

    private string CodeFor(AngleSharp.Dom.IDocument enrol) =>
        App.Services.GetRequiredService<TotpCodes>().CodeFor(Base32Encoding.ToBytes(enrol.QuerySelector("#totp-secret")!.TextContent.Trim()), App.Clock.GetUtcNow());

    private async Task<int> PendingSignInsAsync()
    {
        await using var scope = App.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().StaffSessions.CountAsync(s => s.Kind == StaffSessionKind.Pending);
    }
}
