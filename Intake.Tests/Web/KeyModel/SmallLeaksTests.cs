using Intake.Tests.Infrastructure;
using Intake.Tests.Web.Cases;

namespace Intake.Tests.Web.KeyModel;

/// <summary>
/// Issue 12, item 8: the audit page showed every staff member the other channel's case events and actors. It now
/// shows a handler their channels' events and their own, and the administrator staff and key events only. (The
/// print view's identity and the data directory's permissions have tests of their own: CasePrintTests and
/// DataDirectoryPermissionsTests.)
/// </summary>
public sealed class SmallLeaksTests : OrganisationTestBase
{
    [Fact]
    public async Task TheAuditPage_ShowsEachViewerOnlyWhatIsTheirs()
    {
        var (caseId, _) = await RetentionScenario.SubmitWhistleblowingAsync(App, "report");
        using (var wb = new StaffBrowserClient(App))
        {
            await wb.SignInAsync(StaffWorld.WhistleblowingHandler);
            using var view = await wb.Http.GetAsync(new Uri($"/Staff/Cases/{caseId}", UriKind.Relative));
            Assert.True(view.IsSuccessStatusCode);
        }

        var whistleblowing = await RowsAsync(StaffWorld.WhistleblowingHandler);
        var threat = await RowsAsync(StaffWorld.ThreatHandler);
        var admin = await RowsAsync(StaffWorld.AdminName);

        Assert.Contains(whistleblowing, r => r.Kind == "case.viewed" && r.Channel.Length > 0);
        Assert.DoesNotContain(threat, r => r.Kind.StartsWith("case.", StringComparison.Ordinal));
        Assert.DoesNotContain(threat, r => r.Actor.Contains(StaffWorld.WhistleblowingHandler, StringComparison.Ordinal)
            || r.Subject.Contains(StaffWorld.WhistleblowingHandler, StringComparison.Ordinal));
        Assert.Contains(threat, r => r.Kind == "signin.succeeded" && r.Actor.Contains(StaffWorld.ThreatHandler, StringComparison.Ordinal));
        Assert.DoesNotContain(admin, r => r.Kind.StartsWith("case.", StringComparison.Ordinal));
        Assert.Contains(admin, r => r.Kind == "signin.succeeded" && r.Actor.Contains(StaffWorld.WhistleblowingHandler, StringComparison.Ordinal));
        Assert.Contains(admin, r => r.Kind == "setup.completed");
    }

    private async Task<IReadOnlyList<(string Kind, string Actor, string Subject, string Channel)>> RowsAsync(string username)
    {
        using var client = new StaffBrowserClient(App);
        await client.SignInAsync(username);
        using var response = await client.Http.GetAsync(new Uri("/en/Staff/Audit", UriKind.Relative));
        var page = await Html.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("#audit-head"));
        return page.QuerySelectorAll("table tbody tr")
            .Select(r => r.QuerySelectorAll("td").ToList())
            .Select(c => (c[2].GetAttribute("data-kind") ?? string.Empty, c[3].TextContent.Trim(), c[4].TextContent.Trim(), c[5].TextContent.Trim()))
            .ToList();
    }
}
