using System.Globalization;
using System.Net;
using System.Text;
using Intake.Tests.Infrastructure;
using Intake.Web.Audit;

namespace Intake.Tests.Web.Cases;

/// <summary>
/// The threats-and-violence handling: the Arbetsmiljöverket decision and its reminder, the follow-up's flags and
/// dates in clear, and the police number, protective measures and Arbetsmiljöverket's reference sealed.
/// </summary>
public sealed class CaseTriageTests : CaseTestBase
{
    [Fact]
    public async Task WorkEnvironmentReport_IsRemindedUntilItsDayIsSet()
    {
        var (caseId, _) = await SubmitThreatAsync("death threat by phone");
        using var handler = await SignInAsync(StaffWorld.ThreatHandler);
        var (_, before) = await GetAsync(handler, $"/Staff/Cases/{caseId}");
        Assert.Null(before.QuerySelector("#awe-reminder"));

        var (needed, page) = await PostAsync(handler, caseId, "Statutory", ("Statutory.Decision", "serious"));
        Assert.Equal(HttpStatusCode.OK, needed.StatusCode);
        Assert.Contains("samma dag", page.QuerySelector("#awe-reminder")!.TextContent, StringComparison.Ordinal);

        var (_, done) = await PostAsync(handler, caseId, "Statutory", ("Statutory.Decision", "serious"), ("Statutory.WorkEnvironmentReportedOn", Day(Today)));
        Assert.Null(done.QuerySelector("#awe-reminder"));
        var record = await RecordAsync(caseId);
        Assert.True(record.WorkEnvironmentReportNeeded);
        Assert.Equal(Today, record.WorkEnvironmentDecidedOn);
        Assert.Equal(Today, record.WorkEnvironmentReportedOn);
        Assert.Equal(["awe-pending", "awe-reported"], (await AuditOfAsync(caseId)).Where(e => e.Kind == AuditKinds.CaseStatutoryChanged).Select(e => e.Detail));
    }

    [Fact]
    public async Task PoliceNumberMeasuresAndReference_AreSealed_NeverInClearOnDisk()
    {
        var police = "POLICEMARK-" + Guid.NewGuid().ToString("N")[..10];
        var measures = "MEASUREMARK-" + Guid.NewGuid().ToString("N")[..10];
        var reference = "AVMARK-" + Guid.NewGuid().ToString("N")[..10];
        var (caseId, _) = await SubmitThreatAsync("stalked after the vote");
        using var handler = await SignInAsync(StaffWorld.ThreatHandler);

        var (response, page) = await PostAsync(handler, caseId, "Triage",
            ("Triage.RiskAssessmentUpdated", "true"), ("Triage.FollowUpOn", Day(Today.AddDays(14))),
            ("Triage.PoliceReportNumber", police), ("Triage.ProtectiveMeasures", measures));
        await PostAsync(handler, caseId, "Statutory", ("Statutory.Decision", "serious"), ("Statutory.WorkEnvironmentReportedOn", Day(Today)),
            ("Statutory.WorkEnvironmentReference", reference), ("Statutory.SocialInsuranceReportNeeded", "true"));
        var (_, after) = await GetAsync(handler, $"/Staff/Cases/{caseId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(police, page.QuerySelector("#triage-police")!.GetAttribute("value"));
        Assert.Equal(measures, page.QuerySelector("#triage-measures")!.TextContent);
        Assert.Equal(reference, after.QuerySelector("#statutory-reference")!.GetAttribute("value"));
        Assert.Equal(police, after.QuerySelector("#triage-police")!.GetAttribute("value"));
        var record = await RecordAsync(caseId);
        Assert.NotNull(record.SealedTriage);
        Assert.True(record.SocialInsuranceReportNeeded);
        Assert.True(record.RiskAssessmentUpdated);
        Assert.Equal(Today.AddDays(14), record.FollowUpOn);
        Assert.DoesNotContain(await AuditOfAsync(caseId), e => e.Detail?.Contains("MARK", StringComparison.Ordinal) == true);
        await AssertNotInClearAsync(police, measures, reference);
    }

    [Fact]
    public async Task PoliceNumberFromTheReport_PrefillsTheTriage()
    {
        var fields = Intake.Tests.Infrastructure.ReporterClient.MinimalThreat("threatened at the library");
        fields["policeCaseNumber"] = ["5000-K123456-26"];
        var (caseId, _) = await SubmitAsync("/report/threat", fields);
        using var handler = await SignInAsync(StaffWorld.ThreatHandler);

        var (_, page) = await GetAsync(handler, $"/Staff/Cases/{caseId}");

        Assert.Equal("5000-K123456-26", page.QuerySelector("#triage-police")!.GetAttribute("value"));
    }

    [Fact]
    public async Task BadDates_AreRefused_KeepingWhatWasTyped()
    {
        var (caseId, _) = await SubmitThreatAsync("bad dates");
        using var handler = await SignInAsync(StaffWorld.ThreatHandler);

        var (response, page) = await PostAsync(handler, caseId, "Triage",
            ("Triage.FollowedUpOn", Day(Today.AddDays(1))), ("Triage.FollowUpOn", "next week"), ("Triage.PoliceReportNumber", "KEEP-1"));
        var (statutory, statutoryPage) = await PostAsync(handler, caseId, "Statutory",
            ("Statutory.Decision", "serious"), ("Statutory.WorkEnvironmentReportedOn", Day(Today.AddDays(1))), ("Statutory.WorkEnvironmentReference", "KEEP-2"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull(page.QuerySelector("#triage-followed-up-error"));
        Assert.NotNull(page.QuerySelector("#triage-follow-up-error"));
        Assert.Equal("next week", page.QuerySelector("#triage-follow-up")!.GetAttribute("value"));
        Assert.Equal("KEEP-1", page.QuerySelector("#triage-police")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, statutory.StatusCode);
        Assert.NotNull(statutoryPage.QuerySelector("#statutory-awe-on-error"));
        Assert.Equal("KEEP-2", statutoryPage.QuerySelector("#statutory-reference")!.GetAttribute("value"));
        var record = await RecordAsync(caseId);
        Assert.Null(record.SealedTriage);
        Assert.Null(record.WorkEnvironmentDecidedOn);
    }

    [Fact]
    public async Task NotSerious_NeedsAReason()
    {
        var (caseId, _) = await SubmitThreatAsync("an angry e-mail");
        using var handler = await SignInAsync(StaffWorld.ThreatHandler);

        var (refused, page) = await PostAsync(handler, caseId, "Statutory", ("Statutory.Decision", "not-serious"));
        var (accepted, _) = await PostAsync(handler, caseId, "Statutory", ("Statutory.Decision", "not-serious"), ("Statutory.NotReportedReason", "not-serious"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.NotNull(page.QuerySelector("#statutory-reason-error"));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var record = await RecordAsync(caseId);
        Assert.False(record.WorkEnvironmentReportNeeded);
        Assert.Equal("not-serious", record.WorkEnvironmentNotReportedReason);
        Assert.Equal(Today, record.WorkEnvironmentDecidedOn);
    }

    [Fact]
    public async Task WhistleblowingCase_HasNoThreatPanels()
    {
        var (caseId, _) = await SubmitWhistleblowingAsync("no triage here");
        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);

        var (_, page) = await GetAsync(handler, $"/Staff/Cases/{caseId}");

        Assert.Null(page.QuerySelector("#triage"));
        Assert.Null(page.QuerySelector("#statutory"));
        Assert.Null(page.QuerySelector("#measures"));
        foreach (var form in new[] { "Triage", "Statutory", "Measure", "Urgency", "Unit" })
        {
            var (response, _) = await PostAsync(handler, caseId, form, ("Statutory.Decision", "serious"), ("Measure.What", "x"), ("Urgent", "true"));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    private async Task AssertNotInClearAsync(params string[] marks)
    {
        foreach (var file in Directory.EnumerateFiles(App.DataDirectory, "*", SearchOption.AllDirectories))
        {
            var content = await File.ReadAllBytesAsync(file);
            foreach (var mark in marks)
            {
                Assert.True(content.AsSpan().IndexOf(Encoding.UTF8.GetBytes(mark)) < 0, $"{mark} in clear in {file}");
            }
        }
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
