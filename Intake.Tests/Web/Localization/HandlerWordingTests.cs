using System.Text.RegularExpressions;
using Intake.Tests.Infrastructure;
using Intake.Tests.Web.Cases;
using Intake.Web.Audit;
using Intake.Web.Cases;
using Intake.Web.Localization;

namespace Intake.Tests.Web.Localization;

/// <summary>
/// Handlers read what a reporter answered in the third person, and the case's log in words: no first-person
/// question, no "(optional)", no raw status code, print option or id. A save is not logged as a second view.
/// </summary>
public sealed partial class HandlerWordingTests : CaseTestBase
{
    private static readonly string[] _reporterOnly = ["Jag är", "(frivilligt)", "(ungefär går bra)", "Anonym: ingen får veta", "rapportör"];

    [Fact]
    public async Task CasePagePrintAndRegisterPage_UseThirdPersonWording()
    {
        var (caseId, _) = await SubmitThreatAsync("wording-" + Guid.NewGuid());
        using var handler = await SignInAsync(StaffWorld.ThreatHandler);

        var (_, casePage) = await GetAsync(handler, $"/Staff/Cases/{caseId}");
        var (_, print) = await GetAsync(handler, $"/Staff/Cases/{caseId}/Print");
        var (_, register) = await GetAsync(handler, "/Staff/Cases/Register?channel=threat");

        foreach (var text in new[] { casePage.Body!.TextContent, print.Body!.TextContent, register.Body!.TextContent })
        {
            foreach (var phrase in _reporterOnly)
            {
                Assert.DoesNotContain(phrase, text, StringComparison.Ordinal);
            }
        }

        Assert.Contains("Anmälarens roll", casePage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Hot och våld", print.QuerySelector("#case-print")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaseLog_SaysEveryEventAndDetailInWords()
    {
        var (caseId, _) = await SubmitWhistleblowingAsync("log-" + Guid.NewGuid());
        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);
        await GetAsync(handler, $"/Staff/Cases/{caseId}");
        await PostAsync(handler, caseId, "Status", ("NewStatus", nameof(CaseStatus.UnderInvestigation)));
        await GetAsync(handler, $"/Staff/Cases/{caseId}/Print");
        var audit = await AuditOfAsync(caseId);
        var assignee = audit.First(e => e.Kind == AuditKinds.CaseViewed).ActorId!.Value;
        await PostAsync(handler, caseId, "Assign", ("AssigneeId", assignee.ToString()));

        foreach (var path in new[] { $"/Staff/Cases/{caseId}", "/Staff/Audit", $"/en/Staff/Cases/{caseId}", $"/fi/Staff/Audit" })
        {
            var (_, page) = await GetAsync(handler, path);
            var log = (page.QuerySelector("#case-audit") ?? page.QuerySelector("main table"))!.TextContent;
            Assert.DoesNotContain(nameof(CaseStatus.UnderInvestigation), log, StringComparison.Ordinal);
            Assert.DoesNotContain("identity=", log, StringComparison.Ordinal);
            Assert.DoesNotContain("case.", log, StringComparison.Ordinal);
            Assert.False(GuidPattern().IsMatch(log), $"{path} shows an id: {log}");
        }

        var (_, swedish) = await GetAsync(handler, $"/Staff/Cases/{caseId}");
        var swedishLog = swedish.QuerySelector("#case-audit")!.TextContent;
        Assert.Contains("Utreds", swedishLog, StringComparison.Ordinal);
        Assert.Contains("utan anmälarens identitet", swedishLog, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePageAfterASave_IsNotASecondView_ButAnAddressParameterDoesNotHideAView()
    {
        var (caseId, _) = await SubmitWhistleblowingAsync("views-" + Guid.NewGuid());
        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);
        await GetAsync(handler, $"/Staff/Cases/{caseId}");

        await PostAsync(handler, caseId, "Status", ("NewStatus", nameof(CaseStatus.UnderInvestigation)));
        Assert.Equal(1, (await AuditOfAsync(caseId)).Count(e => e.Kind == AuditKinds.CaseViewed));

        App.Clock.Advance(CaseViewAudit.FollowUpWindow + TimeSpan.FromSeconds(1));
        await GetAsync(handler, $"/Staff/Cases/{caseId}?done=status");
        Assert.Equal(2, (await AuditOfAsync(caseId)).Count(e => e.Kind == AuditKinds.CaseViewed));
    }

    [Fact]
    public async Task ATickAllGroupLeftEmpty_AsksForAtLeastOneChoice()
    {
        using var reporter = new ReporterClient(App);
        var fields = ReporterClient.MinimalThreat("empty-types");
        fields.Remove("types");

        var (_, page) = await reporter.SubmitAsync("/report/threat", fields);

        Assert.Contains("Välj minst ett alternativ.", page.QuerySelector("#f-types")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void SwedishTexts_NameTheReporterAnmälare_Only()
    {
        var swedish = ResourceFiles.Read(Languages.Default);

        Assert.Empty(swedish.Where(e => e.Value.Contains("rapportör", StringComparison.OrdinalIgnoreCase)).Select(e => e.Key));
    }

    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase)]
    private static partial Regex GuidPattern();
}
