using System.Globalization;
using System.Text;
using Intake.Tests.Infrastructure;
using Intake.Web.Cases;
using Intake.Web.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Notifications;

/// <summary>
/// The threats channel's deadlines (<see cref="ThreatDeadlineRules"/>) reach its handlers by mail on the application's
/// clock, as the handler records the decisions on the case page: each on its day, the statutory ones daily until
/// recorded, the others once, and nothing once the duty is done. The mails say nothing of the case.
/// </summary>
public sealed class ThreatReminderTests : NotificationTestBase
{
    private static readonly string[] _threatKinds = [.. NoticeKinds.Queued.Where(k => k.StartsWith("threat.", StringComparison.Ordinal))];

    [Fact]
    public async Task SeriousIncident_RemindsDailyOfTheDecision_ThenOfTheReport_UntilItIsRecorded()
    {
        var (caseId, _) = await SubmitThreatAsync("Dödshot i mejl.");

        Assert.Equal(1, await RemindAsync());
        Assert.Equal(0, await RemindAsync());
        App.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await RemindAsync());
        using (var handler = await SignInAsync(StaffWorld.ThreatHandler))
        {
            await PostThreatPanelAsync(handler, caseId, "Statutory", ("Statutory.Decision", "serious"));
        }

        Assert.Equal(1, await RemindAsync());
        App.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await RemindAsync());
        using (var handler = await SignInAsync(StaffWorld.ThreatHandler))
        {
            await PostThreatPanelAsync(handler, caseId, "Statutory", ("Statutory.Decision", "serious"), ("Statutory.WorkEnvironmentReportedOn", Day(Today)));
        }

        App.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await RemindAsync());

        Assert.Equal(
            [NoticeKinds.WorkEnvironmentDecisionPending, NoticeKinds.WorkEnvironmentDecisionPending, NoticeKinds.WorkEnvironmentReportPending, NoticeKinds.WorkEnvironmentReportPending],
            await ThreatNoticesAsync());
        var mails = await SentThreatMailsAsync(4);
        Assert.All(mails, m => Assert.Equal(AddressOf(StaffWorld.ThreatHandler), m.Recipient));
        Assert.Equal(2, mails.Count(m => m.Subject == "Brådskande: beslut om anmälan till Arbetsmiljöverket väntar i kanalen Hot och våld"));
        Assert.Equal(2, mails.Count(m => m.Subject == "Allvarlig händelse väntar på anmälan till Arbetsmiljöverket"));
    }

    [Fact]
    public async Task Injury_RemindsOfTheFörsäkringskassanReport_FromItsDueDay_UntilItIsRecorded()
    {
        var fields = ReporterClient.MinimalThreat("Knuffad i trappan, stukad fot.");
        fields["types"] = ["harassment"];
        fields["consequences"] = ["injury"];
        var (caseId, _) = await SubmitAsync("/report/threat", fields);
        var due = WorkingDays.Swedish.Add(Today, 1);

        Assert.Equal(0, await RemindAsync());
        AdvanceTo(due);
        Assert.Equal(1, await RemindAsync());
        App.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await RemindAsync());
        using (var handler = await SignInAsync(StaffWorld.ThreatHandler))
        {
            await PostThreatPanelAsync(handler, caseId, "Statutory",
                ("Statutory.SocialInsuranceReportNeeded", "true"), ("Statutory.SocialInsuranceReportedOn", Day(Today)));
        }

        App.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await RemindAsync());

        Assert.Equal([NoticeKinds.SocialInsuranceReportPending, NoticeKinds.SocialInsuranceReportPending], await ThreatNoticesAsync());
        Assert.All(await SentThreatMailsAsync(2), m => Assert.Equal("Anmälan till Försäkringskassan väntar i kanalen Hot och våld", m.Subject));
    }

    [Fact]
    public async Task FirstContact_RemindsOnItsDay_ThenOnceWhenOverdue_AndNotAfterTheContact()
    {
        var fields = ReporterClient.MinimalThreat("Hotad efter fullmäktige, vill bli uppringd.");
        fields["types"] = ["harassment"];
        fields["support"] = ["call"];
        var (caseId, _) = await SubmitAsync("/report/threat", fields);
        var due = WorkingDays.Swedish.Add(Today, 1);

        Assert.Equal(0, await RemindAsync());
        AdvanceTo(due);
        Assert.Equal(1, await RemindAsync());
        App.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await RemindAsync());
        App.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await RemindAsync());
        using (var handler = await SignInAsync(StaffWorld.ThreatHandler))
        {
            await PostThreatPanelAsync(handler, caseId, "Triage", ("Triage.FirstContactOn", Day(Today)));
        }

        App.Clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(0, await RemindAsync());
        Assert.Equal([NoticeKinds.FirstContactDue, NoticeKinds.FirstContactOverdue], await ThreatNoticesAsync());
        var mails = await SentThreatMailsAsync(2);
        Assert.Equal(
            ["Första kontakt ska tas i dag i kanalen Hot och våld", "Försenad första kontakt i kanalen Hot och våld"],
            mails.Select(m => m.Subject));
    }

    [Fact]
    public async Task Measures_RemindOnTheDueDay_ThenOnceOverdue_NotWhenDone_AndTheFollowUpDateOnce()
    {
        var what = "MEASURECANARY-" + Guid.NewGuid().ToString("N")[..8];
        var fields = ReporterClient.MinimalThreat("Förföljd på väg hem.");
        fields["types"] = ["stalking"];
        var (caseId, _) = await SubmitAsync("/report/threat", fields);
        var dueOn = Today.AddDays(2);
        using (var handler = await SignInAsync(StaffWorld.ThreatHandler))
        {
            await PostThreatPanelAsync(handler, caseId, "Measure", ("Measure.What", what), ("Measure.Responsible", "Enhetschef"),
                ("Measure.DueOn", Day(dueOn)), ("Measure.Status", "Planned"));
            await PostThreatPanelAsync(handler, caseId, "Measure", ("Measure.What", "Redan gjord"), ("Measure.DueOn", Day(dueOn)),
                ("Measure.Status", "Done"), ("Measure.DoneOn", Day(Today)));
            await PostThreatPanelAsync(handler, caseId, "Triage", ("Triage.FollowUpOn", Day(Today.AddDays(4))));
        }

        Assert.Equal(0, await RemindAsync());
        AdvanceTo(dueOn);
        Assert.Equal(1, await RemindAsync());
        Assert.Equal(0, await RemindAsync());
        App.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await RemindAsync());
        App.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await RemindAsync());
        using (var handler = await SignInAsync(StaffWorld.ThreatHandler))
        {
            await PostThreatPanelAsync(handler, caseId, "Measure", ("Measure.MeasureId", (await FirstMeasureIdAsync(caseId)).ToString()),
                ("Measure.What", what), ("Measure.DueOn", Day(dueOn)), ("Measure.Status", "Done"), ("Measure.DoneOn", Day(Today)));
            await PostThreatPanelAsync(handler, caseId, "Triage", ("Triage.FollowUpOn", Day(Today)), ("Triage.FollowedUpOn", Day(Today)));
        }

        App.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await RemindAsync());
        Assert.Equal([NoticeKinds.MeasureDue, NoticeKinds.MeasureOverdue, NoticeKinds.FollowUpReached], await ThreatNoticesAsync());
        var mails = await SentThreatMailsAsync(3);
        Assert.Contains(mails, m => m.Subject == "En åtgärd ska vara klar i dag i kanalen Hot och våld");
        Assert.Contains(mails, m => m.Subject == "Försenad åtgärd i kanalen Hot och våld");
        Assert.Contains(mails, m => m.Subject == "Dags för uppföljning i kanalen Hot och våld");
        var caseNumber = await CaseNumberAsync(caseId);
        Assert.All(mails, m =>
        {
            var raw = Encoding.UTF8.GetString(m.Raw);
            foreach (var secret in new[] { what, "Enhetschef", caseNumber, caseId.ToString(), caseId.ToString("N"), "Kim Exempel" })
            {
                Assert.DoesNotContain(secret, raw + m.Body, StringComparison.OrdinalIgnoreCase);
            }

            Assert.Contains("https://intake.kommun.example/Staff/SignIn", m.Body, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task ClosedCase_IsNotReminded_AndWhistleblowingCasesGetNoThreatsNotices()
    {
        var fields = ReporterClient.MinimalThreat("Trakasserier, avslutat.");
        fields["types"] = ["harassment"];
        fields["support"] = ["call"];
        var (caseId, _) = await SubmitAsync("/report/threat", fields);
        await SubmitWhistleblowingAsync("Något hände.");
        using (var handler = await SignInAsync(StaffWorld.ThreatHandler))
        {
            await PostThreatPanelAsync(handler, caseId, "Statutory", ("Statutory.Decision", "not-serious"), ("Statutory.NotReportedReason", StatutoryReasons.NotSerious));
            using var closed = await handler.PostToHandlerAsync($"/Staff/Cases/{caseId}", "Status", ("NewStatus", "Closed"), ("Outcome", CaseOutcomes.SupportGiven));
            Assert.True(closed.IsSuccessStatusCode, $"closing was refused: {(int)closed.StatusCode}");
        }

        App.Clock.Advance(TimeSpan.FromDays(30));
        await RemindAsync();

        Assert.Empty(await ThreatNoticesAsync());
        Assert.Contains((await OutboxAsync()).Select(n => n.Kind), k => k.StartsWith("deadline.", StringComparison.Ordinal));
    }

    private DateOnly Today => App.Services.GetRequiredService<CaseCalendar>().Today;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private void AdvanceTo(DateOnly day) => App.Clock.Advance(TimeSpan.FromDays(day.DayNumber - Today.DayNumber));

    private async Task<List<string>> ThreatNoticesAsync() =>
        [.. (await OutboxAsync()).Where(n => _threatKinds.Contains(n.Kind)).Select(n => n.Kind)];

    /// <summary>
    /// Sends what is waiting (the report's own notice, a sign-in's), runs the reminder scan and sends what it wrote,
    /// so that each scan's reminder arrives in a mail of its own. Returns the number of reminders written.
    /// </summary>
    private async Task<int> RemindAsync()
    {
        await SendDueAsync();
        var written = await ScanAsync();
        await SendDueAsync();
        return written;
    }

    /// <summary>The mails that carry a threats reminder; there must be <paramref name="expected"/> of them.</summary>
    private async Task<List<ReceivedMail>> SentThreatMailsAsync(int expected)
    {
        var templates = new MailTemplates();
        var subjects = _threatKinds.Select(k => templates.Get(k, "sv").Subject.Replace("{Channel}", "Hot och våld", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        await Smtp.WaitForAsync(1);
        var mails = Smtp.Received.Where(m => subjects.Contains(m.Subject)).ToList();
        Assert.Equal(expected, mails.Count);
        return mails;
    }

    private async Task<Guid> FirstMeasureIdAsync(Guid caseId)
    {
        await using var scope = App.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Intake.Web.Storage.IntakeDbContext>();
        return db.CaseMeasures.Where(m => m.CaseId == caseId).OrderBy(m => m.Position).Select(m => m.Id).First();
    }
}
