using System.Net;
using Intake.Tests.Infrastructure;
using Intake.Web.Audit;

namespace Intake.Tests.Web.Cases;

/// <summary>The administrator's organisational units: offered on the threats form, kept as a code, corrected by the handler.</summary>
public sealed class OrganisationUnitTests : CaseTestBase
{
    [Fact]
    public async Task Unit_IsKeptPerLanguage_ChosenOnTheForm_AndCorrectedByTheHandler()
    {
        using (var admin = new StaffBrowserClient(App))
        {
            await admin.SignInAsync(StaffWorld.AdminName);
            foreach (var (sv, en) in new[] { ("Socialförvaltningen", "Social services"), ("Exempelby Bostäder AB", "Exempelby Housing") })
            {
                var added = await admin.SubmitAsync("/Staff/Admin/Units", new() { ["name[sv]"] = sv, ["name[en]"] = en }, "form[action*='handler=Add']");
                Assert.Equal(HttpStatusCode.OK, added.StatusCode);
            }

            var refused = await Html.ParseAsync(await admin.SubmitAsync("/Staff/Admin/Units", new() { ["name[en]"] = "No Swedish" }, "form[action*='handler=Add']"));
            Assert.Contains("svenska", refused.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        }

        using var reporter = new ReporterClient(App);
        using var swedishForm = await reporter.Http.GetAsync(new Uri("/report/threat", UriKind.Relative));
        using var englishForm = await reporter.Http.GetAsync(new Uri("/en/report/threat", UriKind.Relative));
        var options = (await Html.ParseAsync(swedishForm)).QuerySelectorAll("#f-organisationUnit option").Select(o => o.TextContent).ToList();
        var english = (await Html.ParseAsync(englishForm)).QuerySelectorAll("#f-organisationUnit option").Select(o => o.TextContent).ToList();
        Assert.Equal(["Socialförvaltningen", "Exempelby Bostäder AB"], options.Skip(1));
        Assert.Equal(["Social services", "Exempelby Housing"], english.Skip(1));

        var fields = ReporterClient.MinimalThreat("threatened at a home visit");
        fields["organisationUnit"] = ["unit-1"];
        var (caseId, _) = await SubmitAsync("/report/threat", fields);
        var withoutUnit = ReporterClient.MinimalThreat("no unit picked");
        withoutUnit["organisationUnit"] = ["unit-999"];
        var (otherId, _) = await SubmitAsync("/report/threat", withoutUnit);
        Assert.Equal("unit-1", (await RecordAsync(caseId)).OrganisationUnit);
        Assert.Null((await RecordAsync(otherId)).OrganisationUnit);

        using var handler = await SignInAsync(StaffWorld.ThreatHandler);
        var (_, page) = await GetAsync(handler, $"/Staff/Cases/{caseId}");
        Assert.Equal("unit-1", page.QuerySelector("#case-unit option[selected]")!.GetAttribute("value"));
        var (refusedUnit, _) = await PostAsync(handler, caseId, "Unit", ("Unit", "unit-999"));
        var (corrected, _) = await PostAsync(handler, caseId, "Unit", ("Unit", "unit-2"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refusedUnit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Equal("unit-2", (await RecordAsync(caseId)).OrganisationUnit);
        Assert.Equal(["unit-2"], (await AuditOfAsync(caseId)).Where(e => e.Kind == AuditKinds.CaseUnitChanged).Select(e => e.Detail));
    }
}
