using Intake.Tests.Infrastructure;
using Intake.Web.Keys.Sessions;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Cases;

/// <summary>
/// Two application hosts over one database behind a round-robin balancer, without sticky sessions: a handler's
/// every request (sign-in steps, TOTP enrolment, redirects included) goes to the other host than the one before,
/// and their session works on both. The database row of a session opens nothing without the person's cookie.
/// </summary>
public sealed class CaseWorkAcrossNodesTests : CaseTestBase
{
    [Fact]
    public async Task AHandlerWhoseRequestsAlternateHosts_SignsIn_ReadsTheCase_AndReplies()
    {
        var (caseId, _) = await SubmitWhistleblowingAsync("report read across hosts");
        await using var second = SecondHost();
        var nodes = new AlternatingNodes(App, second);
        using var handler = StaffBrowserClient.AcrossNodes(nodes, App);

        await handler.SignInAsync(SecondHandler);
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var (page, body) = await GetAsync(handler, $"/Staff/Cases/{caseId}");
            Assert.Equal("/Staff/Cases/" + caseId, page.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Contains("report read across hosts", body.DocumentElement.TextContent, StringComparison.Ordinal);
        }

        var (replied, _) = await PostAsync(handler, caseId, "Reply", ("ReplyText", "answered across hosts"), ("ReplyPurpose", "Acknowledgement"));
        Assert.True(replied.IsSuccessStatusCode, $"reply: {(int)replied.StatusCode}");
        var (_, after) = await GetAsync(handler, $"/Staff/Cases/{caseId}");
        Assert.Contains("answered across hosts", after.DocumentElement.TextContent, StringComparison.Ordinal);
        Assert.All(nodes.Served, served => Assert.True(served >= 4, $"requests per host: {string.Join(", ", nodes.Served)}"));
    }

    [Fact]
    public async Task SigningOutOnOneHost_EndsTheSessionOnEveryHost()
    {
        await using var second = SecondHost();
        using var handler = StaffBrowserClient.AcrossNodes(new AlternatingNodes(App, second), App);
        await handler.SignInAsync(SecondHandler);
        var (cases, _) = await GetAsync(handler, "/Staff/Cases");
        Assert.Equal("/Staff/Cases", cases.RequestMessage!.RequestUri!.AbsolutePath);

        using var signedOut = await handler.SubmitAsync("/Staff", new(), "form[action$='/Staff/SignOut']");

        foreach (var _ in Enumerable.Range(0, 2))
        {
            var (again, _) = await GetAsync(handler, "/Staff/Cases");
            Assert.Equal("/Staff/SignIn", again.RequestMessage!.RequestUri!.AbsolutePath);
        }

        Assert.Equal(0, await StaffWorld.LiveSessionsAsync(App, SecondHandler));
    }

    [Fact]
    public async Task ASessionsDatabaseRow_HoldsNoKeyInClear_AndOpensWithNoOtherSecret()
    {
        using var handler = await SignInAsync(SecondHandler);

        await using var scope = App.CreateScope();
        var rows = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().StaffSessions.AsNoTracking()
            .Where(s => s.Kind == StaffSessionKind.SignedIn).ToListAsync();
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            Assert.DoesNotContain("AGE-SECRET-KEY", System.Text.Encoding.ASCII.GetString(row.Sealed), StringComparison.Ordinal);
            Assert.Null(StaffSessions.Open(SessionSeal.NewSecret(), row));
        }
    }

    /// <summary>A second host over the organisation's database and files, its clock at the first one's time.</summary>
    private IntakeApplicationFactory SecondHost()
    {
        var second = IntakeApplicationFactory.OverDataDirectory(App.DataDirectory);
        second.InstanceKeyFile = App.InstanceKeyFile;
        second.Clock.Advance(App.Clock.GetUtcNow() - second.Clock.GetUtcNow());
        return second;
    }
}
