using System.Net;
using System.Text;
using Intake.Tests.Infrastructure;
using Intake.Web.Audit;

namespace Intake.Tests.Web.Cases;

/// <summary>The threats-and-violence triage: flags and dates in clear, the police number and measures sealed.</summary>
public sealed class CaseTriageTests : CaseTestBase
{
    [Fact]
    public async Task WorkEnvironmentReport_IsRemindedUntilItsDayIsSet()
    {
        var (caseId, _) = await SubmitThreatAsync("death threat by phone");
        using var handler = await SignInAsync(StaffWorld.ThreatHandler);
        var (_, before) = await GetAsync(handler, $"/Staff/Cases/{caseId}");
        Assert.Null(before.QuerySelector("#awe-reminder"));

        var (needed, page) = await PostAsync(handler, caseId, "Triage", ("Triage.WorkEnvironmentReportNeeded", "true"));
        Assert.Equal(HttpStatusCode.OK, needed.StatusCode);
        Assert.Contains("samma dag", page.QuerySelector("#awe-reminder")!.TextContent, StringComparison.Ordinal);

        var day = Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (_, done) = await PostAsync(handler, caseId, "Triage", ("Triage.WorkEnvironmentReportNeeded", "true"), ("Triage.WorkEnvironmentReportedOn", day));
        Assert.Null(done.QuerySelector("#awe-reminder"));
        var record = await RecordAsync(caseId);
        Assert.True(record.WorkEnvironmentReportNeeded);
        Assert.Equal(Today, record.WorkEnvironmentReportedOn);
        Assert.Equal(["awe-pending", "awe-reported"], (await AuditOfAsync(caseId)).Where(e => e.Kind == AuditKinds.CaseTriageChanged).Select(e => e.Detail));
    }

    [Fact]
    public async Task PoliceNumberAndMeasures_AreSealed_NeverInClearOnDisk()
    {
        var police = "POLICEMARK-" + Guid.NewGuid().ToString("N")[..10];
        var measures = "MEASUREMARK-" + Guid.NewGuid().ToString("N")[..10];
        var (caseId, _) = await SubmitThreatAsync("stalked after the vote");
        using var handler = await SignInAsync(StaffWorld.ThreatHandler);
        var followUp = Today.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var (response, page) = await PostAsync(handler, caseId, "Triage",
            ("Triage.SocialInsuranceReportNeeded", "true"), ("Triage.RiskAssessmentUpdated", "true"), ("Triage.FollowUpOn", followUp),
            ("Triage.PoliceReportNumber", police), ("Triage.ProtectiveMeasures", measures));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(police, page.QuerySelector("#triage-police")!.GetAttribute("value"));
        Assert.Equal(measures, page.QuerySelector("#triage-measures")!.TextContent);
        var record = await RecordAsync(caseId);
        Assert.NotNull(record.SealedTriage);
        Assert.True(record.SocialInsuranceReportNeeded);
        Assert.True(record.RiskAssessmentUpdated);
        Assert.Equal(Today.AddDays(14), record.FollowUpOn);
        Assert.DoesNotContain(await AuditOfAsync(caseId), e => e.Detail?.Contains("MARK", StringComparison.Ordinal) == true);

        foreach (var file in Directory.EnumerateFiles(App.DataDirectory, "*", SearchOption.AllDirectories))
        {
            var content = await File.ReadAllBytesAsync(file);
            Assert.True(content.AsSpan().IndexOf(Encoding.UTF8.GetBytes(police)) < 0, $"police number in clear in {file}");
            Assert.True(content.AsSpan().IndexOf(Encoding.UTF8.GetBytes(measures)) < 0, $"measures in clear in {file}");
        }
    }

    [Fact]
    public async Task BadDates_AreRefused_KeepingWhatWasTyped()
    {
        var (caseId, _) = await SubmitThreatAsync("bad dates");
        using var handler = await SignInAsync(StaffWorld.ThreatHandler);
        var tomorrow = Today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var (response, page) = await PostAsync(handler, caseId, "Triage",
            ("Triage.WorkEnvironmentReportedOn", tomorrow), ("Triage.FollowUpOn", "next week"), ("Triage.PoliceReportNumber", "KEEP-1"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull(page.QuerySelector("#triage-awe-on-error"));
        Assert.NotNull(page.QuerySelector("#triage-follow-up-error"));
        Assert.Equal("next week", page.QuerySelector("#triage-follow-up")!.GetAttribute("value"));
        Assert.Equal("KEEP-1", page.QuerySelector("#triage-police")!.GetAttribute("value"));
        Assert.Null((await RecordAsync(caseId)).SealedTriage);
    }

    [Fact]
    public async Task WhistleblowingCase_HasNoTriage()
    {
        var (caseId, _) = await SubmitWhistleblowingAsync("no triage here");
        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);

        var (_, page) = await GetAsync(handler, $"/Staff/Cases/{caseId}");
        var (response, _) = await PostAsync(handler, caseId, "Triage", ("Triage.WorkEnvironmentReportNeeded", "true"));

        Assert.Null(page.QuerySelector("#triage"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
