using System.Globalization;
using Intake.Tests.Infrastructure;
using Intake.Web.Cases;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Browser;

/// <summary>
/// A whole threats-and-violence case in Chromium without JavaScript: an elected official reports a death threat
/// with their name and asks for a call; the security coordinator finds it first and marked urgent in the inbox,
/// records the Arbetsmiljöverket report the same day, adds a measure and completes it, holds the follow-up, and
/// closes the case.
/// </summary>
public sealed class ThreatCaseBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => browser.App.EnsureSetUpAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ElectedOfficialsDeathThreat_FromReportToClosing_WithoutJavaScript()
    {
        var text = "threat-case-" + Guid.NewGuid().ToString("N");
        var today = browser.App.Services.GetRequiredService<CaseCalendar>().Today;
        string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        await browser.RunAsync("threat-report", javaScript: false, async page =>
        {
            await page.GotoAsync("/report/threat");
            Assert.Equal(0, await page.Locator("input[name=identityMode]:checked").CountAsync());
            Assert.False(await page.IsVisibleAsync("#f-name"));
            await page.CheckAsync("#f-role-1");
            await page.CheckAsync("#f-types-1");
            await page.FillAsync("#f-whatHappened", text);
            await page.CheckAsync("#f-support-0");
            await page.CheckAsync("#f-identityMode-0");
            Assert.True(await page.IsVisibleAsync("#anonymous-support-warning"));
            await page.CheckAsync("#f-identityMode-2");
            Assert.False(await page.IsVisibleAsync("#anonymous-support-warning"));
            await page.FillAsync("#f-name", "Kim Exempel");
            await page.FillAsync("#f-contact", "070-000 00 00");
            await page.ClickAsync("form.report-form button[type=submit]");

            await page.WaitForSelectorAsync("#mailbox-token");
            var next = (await page.TextContentAsync("#receipt-next"))!;
            Assert.Contains("Ring 112 vid fara", next, StringComparison.Ordinal);
            Assert.Contains(Day(WorkingDays.Swedish.Add(today, 1)), next, StringComparison.Ordinal);
        });

        var caseNumber = await LatestThreatCaseNumberAsync();
        await browser.RunAsync("threat-handling", javaScript: false, async page =>
        {
            await browser.SignInAsync(page, StaffWorld.ThreatHandler);
            await page.GotoAsync("/Staff/Cases");
            var first = page.Locator("table.inbox tbody tr").First;
            Assert.Contains(caseNumber, await first.TextContentAsync(), StringComparison.Ordinal);
            Assert.Equal("Brådskande", await first.Locator(".urgent-tag").TextContentAsync());
            await first.Locator($"a:text-is('{caseNumber}')").ClickAsync();

            Assert.Contains("Brådskande", await page.TextContentAsync("#case-urgency"), StringComparison.Ordinal);
            Assert.Contains(text, await page.TextContentAsync("main"), StringComparison.Ordinal);

            await page.CheckAsync("#statutory-decision-serious");
            await page.FillAsync("#statutory-awe-on", Day(today));
            await page.FillAsync("#statutory-reference", "AV-2026-0001");
            await page.ClickAsync("#statutory button[type=submit]");
            Assert.True(await page.IsVisibleAsync("#status-message"));
            Assert.Equal(0, await page.Locator("#awe-reminder").CountAsync());

            await page.FillAsync("#measure-new-what", "Protected address and a personal alarm");
            await page.FillAsync("#measure-new-responsible", "Security coordinator");
            await page.FillAsync("#measure-new-due", Day(today.AddDays(7)));
            await page.ClickAsync("#measure-new-form button[type=submit]");
            var measure = page.Locator("article.measure").First;
            Assert.Contains("Planerad", await measure.TextContentAsync(), StringComparison.Ordinal);
            await measure.Locator("select[name='Measure.Status']").SelectOptionAsync(nameof(MeasureStatus.Done));
            await measure.Locator("textarea[name='Measure.Effect']").FillAsync("Feels safer at home");
            await measure.Locator("button[type=submit]").ClickAsync();
            Assert.Contains("Utförd", await page.Locator("article.measure").First.TextContentAsync(), StringComparison.Ordinal);

            await page.FillAsync("#triage-first-contact", Day(today));
            await page.FillAsync("#triage-follow-up", Day(today));
            await page.FillAsync("#triage-followed-up", Day(today));
            await page.ClickAsync("#triage button[type=submit]");
            Assert.Equal(Day(today), await page.InputValueAsync("#triage-followed-up"));

            await page.SelectOptionAsync("#new-status", nameof(CaseStatus.Closed));
            await page.SelectOptionAsync("#outcome", CaseOutcomes.ProtectiveMeasures);
            await page.ClickAsync("#handling form[method=post] button[type=submit]");
            Assert.Contains("Skyddsåtgärder", await page.TextContentAsync("#case-status"), StringComparison.Ordinal);

            await page.GotoAsync(page.Url.Split('?')[0] + "/Print");
            Assert.Contains("Protected address and a personal alarm", await page.TextContentAsync("#print-measures"), StringComparison.Ordinal);
            Assert.Contains("AV-2026-0001", await page.TextContentAsync("#print-triage"), StringComparison.Ordinal);
        });

        await using var scope = browser.App.CreateScope();
        var record = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.AsNoTracking().SingleAsync(c => c.CaseNumber == caseNumber);
        Assert.Equal(CaseStatus.Closed, record.Status);
        Assert.Equal(today, record.WorkEnvironmentReportedOn);
        Assert.Null(record.NextDeadline);
    }

    private async Task<string> LatestThreatCaseNumberAsync()
    {
        await using var scope = browser.App.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var threat = await db.Channels.AsNoTracking().SingleAsync(c => c.Code == Intake.Web.Keys.ChannelCodes.Threat);
        return await db.Cases.Where(c => c.ChannelId == threat.Id).OrderByDescending(c => c.Sequence).Select(c => c.CaseNumber).FirstAsync();
    }
}
