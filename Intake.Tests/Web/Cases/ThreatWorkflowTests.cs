using System.Globalization;
using System.Net;
using System.Text;
using Intake.Tests.Infrastructure;
using Intake.Web.Audit;
using Intake.Web.Cases;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Cases;

/// <summary>
/// A threats-and-violence case through the case page: its own deadlines on the injected clock, urgency in the
/// inbox, the close-guard, measures and their overdue marking, and the print view.
/// </summary>
public sealed class ThreatWorkflowTests : CaseTestBase
{
    [Fact]
    public async Task NamedReporterWhoAskedForACall_GetsAFirstContactDeadline_ThatTurnsOverdueOnTheClock()
    {
        var fields = ReporterClient.MinimalThreat("threatened after the council meeting");
        fields["types"] = ["harassment"];
        fields["support"] = ["call"];
        var (caseId, _) = await SubmitAsync("/report/threat", fields);
        using var handler = await SignInAsync(StaffWorld.ThreatHandler);
        var due = WorkingDays.Swedish.Add(Today, 1);

        var (_, page) = await GetAsync(handler, $"/Staff/Cases/{caseId}");
        var record = await RecordAsync(caseId);

        Assert.Equal(due, record.NextDeadline);
        Assert.Equal(DeadlineKinds.FirstContact, record.NextDeadlineKind);
        Assert.Null(record.AcknowledgementDue);
        Assert.DoesNotContain("Bekräftelse senast", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var deadline = page.QuerySelector("#case-deadlines li[data-kind=first-contact]")!;
        Assert.Contains(Day(due), deadline.TextContent, StringComparison.Ordinal);
        Assert.Contains("Första kontakt", deadline.TextContent, StringComparison.Ordinal);

        App.Clock.Advance(TimeSpan.FromDays(due.DayNumber - Today.DayNumber + 1));
        using var later = await SignInAsync(StaffWorld.ThreatHandler);
        var (_, inbox) = await GetAsync(later, "/Staff/Cases");
        var row = inbox.QuerySelector("table.inbox tbody tr")!;
        Assert.Contains("inbox-row--overdue", row.GetAttribute("class"), StringComparison.Ordinal);
        Assert.Contains("Första kontakt", row.TextContent, StringComparison.Ordinal);

        await PostAsync(later, caseId, "Triage", ("Triage.FirstContactOn", Day(Today)));
        Assert.Null((await RecordAsync(caseId)).NextDeadline);
    }

    [Fact]
    public async Task AnonymousReporter_GetsNoFirstContactDeadline()
    {
        var fields = ReporterClient.MinimalThreat("anonymous, asked for a call anyway");
        fields["types"] = ["harassment"];
        fields["support"] = ["call"];
        fields["identityMode"] = ["anonymous"];
        fields.Remove("name");
        fields.Remove("contact");

        var (caseId, _) = await SubmitAsync("/report/threat", fields);

        var record = await RecordAsync(caseId);
        Assert.False(record.FirstContactRequested);
        Assert.Null(record.NextDeadline);
    }

    [Fact]
    public async Task DeathThreat_IsUrgent_FirstInTheInbox_WithTheSameDayDecision_AndTheHandlerCanClearIt()
    {
        var seeder = new CaseSeeder(App);
        var urgent = await seeder.AddAsync(Intake.Web.Keys.ChannelCodes.Threat, Today.AddDays(-5), c => { c.IncidentTypes = "death-threat"; c.Urgent = true; });
        var recent = await seeder.AddAsync(Intake.Web.Keys.ChannelCodes.Threat, Today, c => c.IncidentTypes = "harassment");
        var (submitted, _) = await SubmitThreatAsync("a death threat by e-mail");
        using var handler = await SignInAsync(StaffWorld.ThreatHandler);

        var (_, inbox) = await GetAsync(handler, "/Staff/Cases");
        var rows = inbox.QuerySelectorAll("table.inbox tbody tr").ToList();
        var submittedRecord = await RecordAsync(submitted);

        Assert.True(submittedRecord.Urgent);
        Assert.Equal(DeadlineKinds.WorkEnvironmentDecision, submittedRecord.NextDeadlineKind);
        Assert.Equal(Today, submittedRecord.NextDeadline);
        Assert.Equal([submittedRecord.CaseNumber, urgent.CaseNumber, recent.CaseNumber], rows.Select(r => r.QuerySelector("th a")!.TextContent));
        Assert.All(rows.Take(2), r => Assert.Equal("Brådskande", r.QuerySelector(".urgent-tag")!.TextContent));
        Assert.Null(rows[2].QuerySelector(".urgent-tag"));
        Assert.Contains("inbox-row--urgent", rows[0].GetAttribute("class"), StringComparison.Ordinal);

        var (_, cleared) = await PostAsync(handler, urgent.Id, "Urgency", ("Urgent", "false"));
        Assert.Contains("Inte brådskande", cleared.QuerySelector("#case-urgency")!.TextContent, StringComparison.Ordinal);
        var (_, after) = await GetAsync(handler, "/Staff/Cases");
        Assert.Equal([submittedRecord.CaseNumber, recent.CaseNumber, urgent.CaseNumber],
            after.QuerySelectorAll("table.inbox tbody tr th a").Select(a => a.TextContent));
        Assert.Equal(["not-urgent"], (await AuditOfAsync(urgent.Id)).Where(e => e.Kind == AuditKinds.CaseUrgencyChanged).Select(e => e.Detail));
    }

    [Fact]
    public async Task Closing_IsRefusedWithWhatIsMissing_ThenAllowed()
    {
        var fields = ReporterClient.MinimalThreat("hit in the face at the reception");
        fields["types"] = ["violence"];
        fields["consequences"] = ["injury"];
        var (caseId, _) = await SubmitAsync("/report/threat", fields);
        using var handler = await SignInAsync(StaffWorld.ThreatHandler);
        (string, string)[] close = [("NewStatus", "Closed"), ("Outcome", CaseOutcomes.SupportGiven)];

        var (refused, page) = await PostAsync(handler, caseId, "Status", close);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var message = page.QuerySelector("#error-summary")!.TextContent;
        Assert.Contains("Arbetsmiljöverket", message, StringComparison.Ordinal);
        Assert.Contains("Försäkringskassan", message, StringComparison.Ordinal);

        await PostAsync(handler, caseId, "Statutory", ("Statutory.Decision", "serious"), ("Statutory.WorkEnvironmentReportedOn", Day(Today)),
            ("Statutory.SocialInsuranceReportNeeded", "true"), ("Statutory.SocialInsuranceReportedOn", Day(Today)));
        await PostAsync(handler, caseId, "Measure", ("Measure.What", "Glass screen at the reception"), ("Measure.Status", "Planned"));
        var (stillRefused, again) = await PostAsync(handler, caseId, "Status", close);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, stillRefused.StatusCode);
        Assert.Contains("åtgärder", again.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Arbetsmiljöverket", again.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);

        var measureId = await MeasureIdAsync(caseId, 1);
        await PostAsync(handler, caseId, "Measure", ("Measure.MeasureId", measureId.ToString()), ("Measure.What", "Glass screen at the reception"), ("Measure.Status", "Done"));
        var (closed, _) = await PostAsync(handler, caseId, "Status", close);

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var record = await RecordAsync(caseId);
        Assert.Equal(CaseStatus.Closed, record.Status);
        Assert.Equal(CaseOutcomes.SupportGiven, record.Outcome);
    }

    [Fact]
    public async Task ThreatsOutcomes_AreTheirOwn()
    {
        var (caseId, _) = await SubmitThreatAsync("outcomes");
        using var handler = await SignInAsync(StaffWorld.ThreatHandler);

        var (_, page) = await GetAsync(handler, $"/Staff/Cases/{caseId}");
        var (refused, _) = await PostAsync(handler, caseId, "Status", ("NewStatus", "Closed"), ("Outcome", CaseOutcomes.NoWrongdoingFound));

        var offered = page.QuerySelectorAll("#outcome option").Select(o => o.GetAttribute("value") ?? string.Empty).Where(v => v.Length > 0).ToList();
        Assert.Equal(CaseOutcomes.Threat, offered);
        Assert.DoesNotContain("Inga missförhållanden", page.QuerySelector("#outcome")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
    }

    [Fact]
    public async Task Measures_AreSealed_AndOverdueOnesShowOnTheCase_TheInboxAndTheStartPage()
    {
        var what = "WHATMARK-" + Guid.NewGuid().ToString("N")[..8];
        var who = "WHOMARK-" + Guid.NewGuid().ToString("N")[..8];
        var effect = "EFFECTMARK-" + Guid.NewGuid().ToString("N")[..8];
        var fields = ReporterClient.MinimalThreat("stalked on the way home");
        fields["types"] = ["stalking"];
        var (caseId, _) = await SubmitAsync("/report/threat", fields);
        using var handler = await SignInAsync(StaffWorld.ThreatHandler);

        var (added, page) = await PostAsync(handler, caseId, "Measure",
            ("Measure.What", what), ("Measure.Responsible", who), ("Measure.DueOn", Day(Today)), ("Measure.Status", "Planned"), ("Measure.Effect", effect));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Null(page.QuerySelector(".measure--overdue"));
        Assert.Equal(DeadlineKinds.Measure, (await RecordAsync(caseId)).NextDeadlineKind);

        App.Clock.Advance(TimeSpan.FromDays(1));
        using var nextDay = await SignInAsync(StaffWorld.ThreatHandler);
        var (_, overdue) = await GetAsync(nextDay, $"/Staff/Cases/{caseId}");
        var (_, inbox) = await GetAsync(nextDay, "/Staff/Cases");
        var (_, start) = await GetAsync(nextDay, "/Staff");

        var measure = overdue.QuerySelector(".measure--overdue")!;
        Assert.Contains("Försenad", measure.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(what, measure.QuerySelector("textarea[name='Measure.What']")!.TextContent);
        Assert.Contains("inbox-row--overdue", inbox.QuerySelector("table.inbox tbody tr")!.GetAttribute("class"), StringComparison.Ordinal);
        Assert.Contains("Åtgärd", inbox.QuerySelector("table.inbox tbody tr")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 åtgärder", start.QuerySelector("#start-overdue-measures")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["measure=1 Planned"], (await AuditOfAsync(caseId)).Where(e => e.Kind == AuditKinds.CaseMeasureAdded).Select(e => e.Detail));
        await AssertNotInClearAsync(what, who, effect);
    }

    [Fact]
    public async Task Measure_WithoutWhat_IsRefused_KeepingWhatWasTyped()
    {
        var (caseId, _) = await SubmitThreatAsync("refused measure");
        using var handler = await SignInAsync(StaffWorld.ThreatHandler);

        var (response, page) = await PostAsync(handler, caseId, "Measure", ("Measure.Responsible", "KEEP-ROLE"), ("Measure.DueOn", "soon"), ("Measure.Status", "Planned"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull(page.QuerySelector("#measure-new-what-error"));
        Assert.NotNull(page.QuerySelector("#measure-new-due-error"));
        Assert.Equal("KEEP-ROLE", page.QuerySelector("#measure-new-responsible")!.GetAttribute("value"));
        await using var scope = App.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().CaseMeasures.AnyAsync());
    }

    [Fact]
    public async Task PrintView_HasTheHandling_TheMeasures_AndTheFollowUp()
    {
        var (caseId, _) = await SubmitThreatAsync("printed");
        using var handler = await SignInAsync(StaffWorld.ThreatHandler);
        await PostAsync(handler, caseId, "Statutory", ("Statutory.Decision", "serious"), ("Statutory.WorkEnvironmentReportedOn", Day(Today)), ("Statutory.WorkEnvironmentReference", "AV-2026-123"));
        await PostAsync(handler, caseId, "Triage", ("Triage.FollowUpOn", Day(Today.AddDays(30))), ("Triage.PoliceReportNumber", "5000-K1-26"), ("Triage.ProtectiveMeasures", "Alarm at home"));
        await PostAsync(handler, caseId, "Measure", ("Measure.What", "Escort to the car"), ("Measure.Responsible", "Unit manager"), ("Measure.DueOn", Day(Today.AddDays(7))), ("Measure.Status", "Planned"));

        var (_, print) = await GetAsync(handler, $"/Staff/Cases/{caseId}/Print");

        var triage = print.QuerySelector("#print-triage")!.TextContent;
        Assert.Contains("AV-2026-123", triage, StringComparison.Ordinal);
        Assert.Contains("5000-K1-26", print.QuerySelector("#print-police")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Alarm at home", print.QuerySelector("#print-protective")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Day(Today.AddDays(30)), print.QuerySelector("#print-follow-up")!.TextContent.Trim());
        var measures = print.QuerySelector("#print-measures table")!.TextContent;
        Assert.Contains("Escort to the car", measures, StringComparison.Ordinal);
        Assert.Contains("Unit manager", measures, StringComparison.Ordinal);
        Assert.Contains("Planerad", measures, StringComparison.Ordinal);
        Assert.Contains(print.QuerySelectorAll("#case-history td"), td => td.TextContent == "Åtgärd tillagd");
    }

    private async Task<Guid> MeasureIdAsync(Guid caseId, int position)
    {
        await using var scope = App.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().CaseMeasures
            .Where(m => m.CaseId == caseId && m.Position == position).Select(m => m.Id).SingleAsync();
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
