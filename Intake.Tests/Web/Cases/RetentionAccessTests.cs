using System.Net;
using Intake.Tests.Infrastructure;
using Intake.Web.Audit;
using Intake.Web.Cases;

namespace Intake.Tests.Web.Cases;

/// <summary>The retention, export and print pages: what a member sees and does, and that nobody else gets in.</summary>
public sealed class RetentionAccessTests : OrganisationTestBase
{
    private static readonly string[] _pages = ["Retention", "Export", "Print"];
    private static readonly string[] _posts = ["Retention?handler=Hold", "Retention?handler=Lift", "Retention?handler=Registry", "Export?handler=Bundle", "Export?handler=Identity"];

    [Fact]
    public async Task OtherChannelsHandler_Gets404_ForEveryPageAndPost()
    {
        var (caseId, _) = await RetentionScenario.SubmitWhistleblowingAsync(App, "not for the threats team");
        using var other = new StaffBrowserClient(App);
        await other.SignInAsync(StaffWorld.ThreatHandler);

        foreach (var page in _pages)
        {
            using var response = await other.Http.GetAsync(new Uri($"/Staff/Cases/{caseId}/{page}", UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{page}: {(int)response.StatusCode}");
        }

        foreach (var post in _posts)
        {
            using var response = await RetentionScenario.PostWithOwnTokenAsync(other, $"/Staff/Cases/{caseId}/{post}",
                new() { ["Reason"] = LegalHoldReasons.Proceedings, ["Passphrase"] = "violet-harbour-copper-sundial" });
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{post}: {(int)response.StatusCode}");
        }

        var record = await RetentionScenario.CaseAsync(App, caseId);
        Assert.False(record.LegalHold);
        Assert.Null(record.RegistryExportedOn);
        var kinds = (await RetentionScenario.AuditOfAsync(App, caseId)).Select(e => e.Kind).ToList();
        Assert.DoesNotContain(AuditKinds.CaseExported, kinds);
        Assert.DoesNotContain(AuditKinds.CasePrinted, kinds);
        Assert.DoesNotContain(AuditKinds.ChannelIdentityExported, kinds);
    }

    [Fact]
    public async Task Administrator_IsRefused_ForEveryPageAndPost_WithoutTheCase()
    {
        var (caseId, _) = await RetentionScenario.SubmitWhistleblowingAsync(App, "not for the administrator");
        var caseNumber = (await RetentionScenario.CaseAsync(App, caseId)).CaseNumber;
        using var admin = new StaffBrowserClient(App);
        await admin.SignInAsync(StaffWorld.AdminName);

        foreach (var page in _pages)
        {
            using var response = await admin.Http.GetAsync(new Uri($"/Staff/Cases/{caseId}/{page}", UriKind.Relative));
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{page}: {(int)response.StatusCode}");
            Assert.DoesNotContain(caseNumber, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        foreach (var post in _posts)
        {
            using var response = await RetentionScenario.PostWithOwnTokenAsync(admin, $"/Staff/Cases/{caseId}/{post}", new() { ["Reason"] = LegalHoldReasons.Proceedings });
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{post}: {(int)response.StatusCode}");
        }

        Assert.False((await RetentionScenario.CaseAsync(App, caseId)).LegalHold);
    }

    [Fact]
    public async Task UnknownCaseId_Is404()
    {
        using var handler = new StaffBrowserClient(App);
        await handler.SignInAsync(StaffWorld.WhistleblowingHandler);

        foreach (var page in _pages)
        {
            using var response = await handler.Http.GetAsync(new Uri($"/Staff/Cases/{Guid.NewGuid()}/{page}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task RetentionPage_ShowsState_MarksRegistryExport_RefusesHoldWithoutReason()
    {
        var (caseId, _) = await RetentionScenario.SubmitWhistleblowingAsync(App, "registry");
        await RetentionScenario.CloseAsync(App, caseId);
        var closed = await RetentionScenario.CaseAsync(App, caseId);
        using var handler = new StaffBrowserClient(App);
        await handler.SignInAsync(StaffWorld.WhistleblowingHandler);
        var path = $"/Staff/Cases/{caseId}/Retention";

        using var get = await handler.Http.GetAsync(new Uri(path, UriKind.Relative));
        var page = await Html.ParseAsync(get);
        Assert.Equal(Day(closed.ClosedOn), page.QuerySelector("#retention-closed-on")!.TextContent.Trim());
        Assert.StartsWith(Day(closed.DisposeOn), page.QuerySelector("#retention-dispose-on")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#disposal-warning"));
        Assert.NotNull(page.QuerySelector($"#retention-summary a[href$='/Staff/Cases/{caseId}/Export']"));
        Assert.NotNull(page.QuerySelector($"#retention-summary a[href$='/Staff/Cases/{caseId}/Print']"));

        using var noReason = await RetentionScenario.PostAsync(handler, path, "#place-hold");
        Assert.False((await RetentionScenario.CaseAsync(App, caseId)).LegalHold);
        Assert.NotNull((await Html.ParseAsync(noReason)).QuerySelector("#retention-result.notice--danger"));

        using var marked = await RetentionScenario.PostAsync(handler, path, "#mark-registry");
        Assert.Equal(path, marked.RequestMessage!.RequestUri!.AbsolutePath);
        var after = await Html.ParseAsync(marked);
        var record = await RetentionScenario.CaseAsync(App, caseId);
        Assert.Equal(closed.ClosedOn, record.RegistryExportedOn);
        Assert.Equal(Day(record.RegistryExportedOn), after.QuerySelector("#retention-registry")!.TextContent.Trim());
        Assert.Single(await RetentionScenario.AuditOfAsync(App, caseId), e => e.Kind == AuditKinds.CaseRegistryExported);
        await RetentionScenario.AssertAuditChainIntactAsync(App);
    }

    private static string Day(DateOnly? day) => day!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
