using System.Net;
using Intake.Tests.Infrastructure;
using Intake.Web.Keys;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Accounts;

/// <summary>Every staff page against anonymous, administrator, and a handler of each channel.</summary>
public sealed class AuthorizationMatrixTests : OrganisationTestBase
{
    private static readonly string[] _staffPages = ["/Staff", "/Staff/Account", "/Staff/Account/Totp", "/Staff/Audit", "/Staff/Recovery"];
    private static readonly string[] _adminPages = ["/Staff/Admin/Users", "/Staff/Admin/Channels"];
    private static readonly string[] _handlerPages = ["/Staff/Cases", "/Staff/Cases/Register"];

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

        // The administrator manages people and channels and reads no report: case pages are for handlers.
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
        var store = App.Services.GetRequiredService<UnlockedKeyStore>();
        Assert.Empty(store.SessionsOf(admin.Id).SelectMany(k => k.ChannelKeys));
        Assert.NotEmpty(store.SessionsOf(handler.Id).SelectMany(k => k.ChannelKeys));
    }
}
