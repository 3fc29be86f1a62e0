using System.Net;
using Intake.Tests.Infrastructure;
using Intake.Web.Audit;

namespace Intake.Tests.Web.Cases;

/// <summary>The print view: the decrypted case for the registry, identity only when asked for, audited.</summary>
public sealed class CasePrintTests : OrganisationTestBase
{
    [Fact]
    public async Task PrintView_ShowsDecryptedCase_IdentityOnlyWhenAskedForWithAForm_AuditedAsAReveal()
    {
        var (caseId, _) = await RetentionScenario.SubmitThreatAsync(App, "a man waited outside the council meeting");
        await RetentionScenario.ReplyAndNoteAsync(App, caseId, StaffWorld.ThreatHandler, "we have informed the police", "risk assessment updated");
        using var handler = new StaffBrowserClient(App);
        await handler.SignInAsync(StaffWorld.ThreatHandler);

        using var withheld = await handler.Http.GetAsync(new Uri($"/Staff/Cases/{caseId}/Print", UriKind.Relative));
        var page = await Html.ParseAsync(withheld);
        var printed = page.QuerySelector("#case-print")!.TextContent;

        Assert.Equal(HttpStatusCode.OK, withheld.StatusCode);
        Assert.True(withheld.Headers.CacheControl?.NoStore);
        Assert.Contains("a man waited outside the council meeting", printed, StringComparison.Ordinal);
        Assert.Contains("we have informed the police", printed, StringComparison.Ordinal);
        Assert.Contains("risk assessment updated", page.QuerySelector(".case-print__item--internal")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Death threat", printed.Replace("Dödshot", "Death threat", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("Kim Exempel", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("kim@example.org", printed, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#identity-withheld"));
        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.NotNull(page.QuerySelector("link[href*='case-print.css']"));

        // A link (or a prefetch) never reveals the identity: it used to, through a GET audited only as "printed".
        using var byLink = await handler.Http.GetAsync(new Uri($"/Staff/Cases/{caseId}/Print?identity=true", UriKind.Relative));
        var linkPage = await Html.ParseAsync(byLink);
        Assert.DoesNotContain("Kim Exempel", linkPage.QuerySelector("#case-print")!.TextContent, StringComparison.Ordinal);

        using var included = await handler.PostFormAsync(byLink, linkPage, new() { ["identity"] = "true" }, "#print-options");
        var withIdentity = (await Html.ParseAsync(included)).QuerySelector("#identity-block")!.TextContent;
        Assert.Contains("Kim Exempel", withIdentity, StringComparison.Ordinal);
        Assert.Contains("kim@example.org", withIdentity, StringComparison.Ordinal);

        var audit = await RetentionScenario.AuditOfAsync(App, caseId);
        Assert.Equal(["identity=withheld", "identity=withheld", "identity=included"], audit.Where(e => e.Kind == AuditKinds.CasePrinted).Select(e => e.Detail));
        Assert.Equal(["print"], audit.Where(e => e.Kind == AuditKinds.CaseIdentityRevealed).Select(e => e.Detail));
        await RetentionScenario.AssertAuditChainIntactAsync(App);
    }

    [Fact]
    public async Task PrintView_InEnglish_LabelsTheAnswers()
    {
        var (caseId, _) = await RetentionScenario.SubmitWhistleblowingAsync(App, "english labels");
        using var handler = new StaffBrowserClient(App);
        await handler.SignInAsync(StaffWorld.WhistleblowingHandler);

        using var response = await handler.Http.GetAsync(new Uri($"/en/Staff/Cases/{caseId}/Print", UriKind.Relative));
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("english labels", page.QuerySelector("#case-print")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#case-print .answers dt"));
        Assert.Contains("Report", page.QuerySelector("#entry-1 h3")!.TextContent, StringComparison.Ordinal);
    }
}
