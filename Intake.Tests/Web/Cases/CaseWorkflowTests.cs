using System.Net;
using Intake.Tests.Infrastructure;
using Intake.Web.Audit;
using Intake.Web.Cases;

namespace Intake.Tests.Web.Cases;

/// <summary>Status, closing with an outcome and a disposal day, reopening, assignment and categories.</summary>
public sealed class CaseWorkflowTests : CaseTestBase
{
    [Fact]
    public async Task Closing_NeedsAnOutcome_ThenSetsClosingAndDisposalDays_AndReopeningClearsThem()
    {
        var (caseId, _) = await SubmitWhistleblowingAsync("close me");
        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);

        var (refused, again) = await PostAsync(handler, caseId, "Status", ("NewStatus", nameof(CaseStatus.Closed)), ("Outcome", ""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.NotNull(again.QuerySelector("#error-summary a[href='#outcome']"));
        Assert.Equal(nameof(CaseStatus.Closed), again.QuerySelector("#new-status option[selected]")!.GetAttribute("value"));
        Assert.Null((await RecordAsync(caseId)).ClosedOn);

        var (closed, page) = await PostAsync(handler, caseId, "Status", ("NewStatus", nameof(CaseStatus.Closed)), ("Outcome", CaseOutcomes.MeasuresTaken), ("ConfirmClose", "true"), ("ClosingMessage", ""));
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var record = await RecordAsync(caseId);
        Assert.Equal(CaseStatus.Closed, record.Status);
        Assert.Equal(Today, record.ClosedOn);
        Assert.Equal(CaseOutcomes.MeasuresTaken, record.Outcome);
        Assert.Equal(Today.AddYears(2), record.DisposeOn);
        Assert.Null(record.NextDeadline);
        Assert.Contains("Åtgärder vidtagna", page.QuerySelector("#case-status")!.TextContent, StringComparison.Ordinal);

        await PostAsync(handler, caseId, "Status", ("NewStatus", nameof(CaseStatus.UnderInvestigation)));
        record = await RecordAsync(caseId);
        Assert.Equal(CaseStatus.UnderInvestigation, record.Status);
        Assert.Null(record.ClosedOn);
        Assert.Null(record.Outcome);
        Assert.Null(record.DisposeOn);
        Assert.NotNull(record.NextDeadline);

        var details = (await AuditOfAsync(caseId)).Where(e => e.Kind == AuditKinds.CaseStatusChanged).Select(e => e.Detail).ToList();
        Assert.Equal(["Closed:measures-taken", "UnderInvestigation"], details);
        await AssertChainIntactAsync();
    }

    [Fact]
    public async Task Acknowledged_ByHand_RecordsTheDay()
    {
        var (caseId, _) = await SubmitWhistleblowingAsync("acknowledged by phone");
        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);

        await PostAsync(handler, caseId, "Status", ("NewStatus", nameof(CaseStatus.Acknowledged)));

        var record = await RecordAsync(caseId);
        Assert.Equal(Today, record.AcknowledgedOn);
        Assert.Equal(Today.AddMonths(3), record.NextDeadline);
    }

    [Fact]
    public async Task Overdue_IsShownInWords()
    {
        var (caseId, _) = await SubmitWhistleblowingAsync("late");
        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);
        App.Clock.Advance(TimeSpan.FromDays(9));
        await handler.SignInAsync(StaffWorld.WhistleblowingHandler);

        var (_, page) = await GetAsync(handler, $"/Staff/Cases/{caseId}");

        var deadline = page.QuerySelector("#case-deadline")!;
        Assert.Contains("deadline--overdue", deadline.ClassName, StringComparison.Ordinal);
        Assert.Contains("Försenad", deadline.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assignment_OnlyToActiveMembersOfTheChannel()
    {
        var (caseId, _) = await SubmitWhistleblowingAsync("assign me");
        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);
        Guid second, outsider, admin;
        await using (var scope = App.CreateScope())
        {
            second = (await StaffWorld.UserAsync(scope, SecondHandler)).Id;
            outsider = (await StaffWorld.UserAsync(scope, StaffWorld.ThreatHandler)).Id;
            admin = (await StaffWorld.UserAsync(scope, StaffWorld.AdminName)).Id;
        }

        var (_, page) = await GetAsync(handler, $"/Staff/Cases/{caseId}");
        var offered = page.QuerySelectorAll("#assignee option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(second.ToString(), offered);
        Assert.DoesNotContain(outsider.ToString(), offered);

        var (assigned, _) = await PostAsync(handler, caseId, "Assign", ("AssigneeId", second.ToString()));
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal(second, (await RecordAsync(caseId)).AssigneeId);

        foreach (var refused in new[] { outsider, admin, Guid.NewGuid() })
        {
            var (response, again) = await PostAsync(handler, caseId, "Assign", ("AssigneeId", refused.ToString()));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.NotNull(again.QuerySelector("#assignee-error"));
        }

        Assert.Equal(second, (await RecordAsync(caseId)).AssigneeId);
        await PostAsync(handler, caseId, "Assign", ("AssigneeId", ""));
        Assert.Null((await RecordAsync(caseId)).AssigneeId);
        Assert.Equal(2, (await AuditOfAsync(caseId)).Count(e => e.Kind == AuditKinds.CaseAssigned));
    }

    [Fact]
    public async Task Categories_AreTheFormsChoices()
    {
        var (caseId, _) = await SubmitWhistleblowingAsync("categorise me");
        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);

        var (saved, page) = await PostAsync(handler, caseId, "Categories", ("Categories", "fraud"), ("Categories", "bribery"));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("bribery|fraud", (await RecordAsync(caseId)).HandlerCategories);
        Assert.Contains("Bedrägeri eller förskingring", page.QuerySelector("#case-categories")!.TextContent, StringComparison.Ordinal);

        var (refused, _) = await PostAsync(handler, caseId, "Categories", ("Categories", "death-threat"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("bribery|fraud", (await RecordAsync(caseId)).HandlerCategories);
        Assert.Contains(await AuditOfAsync(caseId), e => e.Kind == AuditKinds.CaseCategorised && e.Detail == "bribery|fraud");
    }
}
