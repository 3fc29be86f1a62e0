using System.Net;
using Intake.Tests.Infrastructure;
using Intake.Web.Keys;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Accounts;

/// <summary>Every staff page against anonymous, administrator, a handler of each channel and the statistics role.</summary>
public sealed class AuthorizationMatrixTests : OrganisationTestBase
{
    private static readonly string[] _staffPages = ["/Staff", "/Staff/Account", "/Staff/Account/Totp", "/Staff/Audit", "/Staff/Statistics", "/Staff/Statistics/Annual"];
    private static readonly string[] _adminPages = ["/Staff/Admin/Users", "/Staff/Admin/Channels"];

    // Recovery with the offline key is for handlers only: the administrator must not be the one who uses it.
    private static readonly string[] _handlerPages = ["/Staff/Cases", "/Staff/Cases/Register", "/Staff/Recovery"];

    public static TheoryData<string> AllPages() => [.. _staffPages.Concat(_adminPages).Concat(_handlerPages)];

    [Theory]
    [MemberData(nameof(AllPages))]
    public async Task Anonymous_IsSentToSignIn(string page)
    {
        using var client = new StaffBrowserClient(App);

        using var response = await client.Http.GetAsync(new Uri(page, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/Staff/SignIn", response.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Administrator_ReachesEveryStaffAndAdminPage_ButNoCasePage()
    {
        using var client = new StaffBrowserClient(App);
        await client.SignInAsync(StaffWorld.AdminName);

        foreach (var page in _staffPages.Concat(_adminPages))
        {
            using var response = await client.Http.GetAsync(new Uri(page, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK && response.RequestMessage!.RequestUri!.AbsolutePath == page, $"{page}: {(int)response.StatusCode} at {response.RequestMessage!.RequestUri}");
        }

        // The administrator manages people and channels and reads no report: case pages and recovery are for handlers.
        foreach (var page in _handlerPages)
        {
            using var response = await client.Http.GetAsync(new Uri(page, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{page}: {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData(StaffWorld.WhistleblowingHandler)]
    [InlineData(StaffWorld.ThreatHandler)]
    public async Task Handler_ReachesStaffAndCasePagesButNoAdminPage(string handler)
    {
        using var client = new StaffBrowserClient(App);
        await client.SignInAsync(handler);

        foreach (var page in _staffPages.Concat(_handlerPages))
        {
            using var response = await client.Http.GetAsync(new Uri(page, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {(int)response.StatusCode}");
        }

        foreach (var page in _adminPages)
        {
            using var response = await client.Http.GetAsync(new Uri(page, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{page}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task StatisticsRole_ReachesStatisticsAndItsAccountOnly()
    {
        using var client = new StaffBrowserClient(App);
        await client.SignInAsync(StaffWorld.StatisticsUser);

        foreach (var page in new[] { "/Staff/Statistics", "/Staff/Statistics/Annual", "/Staff/Account", "/Staff/Account/Totp" })
        {
            using var response = await client.Http.GetAsync(new Uri(page, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK && response.RequestMessage!.RequestUri!.AbsolutePath == page, $"{page}: {(int)response.StatusCode}");
        }

        // No inbox, no case, no registration, no audit log, no key recovery, no administration.
        foreach (var page in _handlerPages.Concat(_adminPages).Concat(["/Staff/Audit"]))
        {
            using var response = await client.Http.GetAsync(new Uri(page, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{page}: {(int)response.StatusCode}");
        }

        using var start = await client.Http.GetAsync(new Uri("/Staff", UriKind.Relative));
        Assert.Equal("/Staff/Statistics", start.RequestMessage!.RequestUri!.AbsolutePath);
        var nav = (await Html.ParseAsync(start)).QuerySelector("nav.staff-nav")!;
        Assert.Empty(nav.QuerySelectorAll("a[href*='/Staff/Cases'], a[href*='/Staff/Audit'], a[href*='/Staff/Recovery'], a[href*='/Staff/Admin']"));
    }

    [Fact]
    public async Task Handler_CannotPostAdministratorActions()
    {
        using var client = new StaffBrowserClient(App);
        await client.SignInAsync(StaffWorld.WhistleblowingHandler);

        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["NewUsername"] = "intruder", ["NewRole"] = "Administrator" });
        using var response = await client.Http.PostAsync(new Uri("/Staff/Admin/Users?handler=Create", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Administrator_SessionHoldsNoChannelKey()
    {
        using var client = new StaffBrowserClient(App);
        await client.SignInAsync(StaffWorld.AdminName);
        using var handlerClient = new StaffBrowserClient(App);
        await handlerClient.SignInAsync(StaffWorld.WhistleblowingHandler);

        await using var scope = App.CreateScope();
        var admin = await StaffWorld.UserAsync(scope, StaffWorld.AdminName);
        var handler = await StaffWorld.UserAsync(scope, StaffWorld.WhistleblowingHandler);
        var store = scope.ServiceProvider.GetRequiredService<UnlockedKeyStore>();
        Assert.Empty((await store.SessionsOfAsync(admin.Id)).SelectMany(k => k.ChannelKeys));
        using var statisticsClient = new StaffBrowserClient(App);
        await statisticsClient.SignInAsync(StaffWorld.StatisticsUser);
        var statistics = await StaffWorld.UserAsync(scope, StaffWorld.StatisticsUser);
        Assert.NotEmpty(await store.SessionsOfAsync(statistics.Id));
        Assert.Empty((await store.SessionsOfAsync(statistics.Id)).SelectMany(k => k.ChannelKeys));
        Assert.NotEmpty((await store.SessionsOfAsync(handler.Id)).SelectMany(k => k.ChannelKeys));
    }
}
