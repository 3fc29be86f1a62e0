using Intake.Crypto.Mailbox;
using Intake.Tests.Infrastructure;
using Intake.Web.Accounts;
using Intake.Web.Audit;
using Intake.Web.Cases;
using Intake.Web.Channels;
using Intake.Web.Localization;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;

namespace Intake.Tests.Browser;

/// <summary>
/// A case handler's whole day in Chromium without JavaScript: sign in, find the new report in the inbox, open it,
/// acknowledge it with the ready text, write an internal note, move it on, see the reporter read the reply in
/// the mailbox, close it, and two years later see the daily job dispose of it, with the audit chain intact.
/// </summary>
public sealed class HandlerDayBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    // The fixture's application is shared by the class: set the organisation up once.
    public Task InitializeAsync() => browser.App.EnsureSetUpAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task HandlerDay_FromInboxToDisposal()
    {
        var reportText = "day-report-" + Guid.NewGuid().ToString("N");
        var noteText = "day-note-" + Guid.NewGuid().ToString("N");
        var token = await SubmitAsync(reportText);
        var caseNumber = await CaseNumberOfAsync(token);

        await browser.RunAsync("handler-day", javaScript: false, async page =>
        {
            await browser.SignInAsync(page, StaffWorld.WhistleblowingHandler);

            await page.GotoAsync("/Staff/Cases");
            var row = page.Locator("table.inbox tbody tr", new() { HasText = caseNumber });
            Assert.Equal(1, await row.CountAsync());
            Assert.Contains("Mottagen", await row.TextContentAsync(), StringComparison.Ordinal);
            await row.Locator($"a:text-is('{caseNumber}')").ClickAsync();

            Assert.Contains(reportText, await page.TextContentAsync("main"), StringComparison.Ordinal);

            // The state suggests the acknowledgement; without JavaScript the picker posts what was typed and both come back.
            var acknowledgementCode = CaseReplyTemplates.Code(ChannelKinds.Whistleblowing.ReadyTexts[0], Languages.Default);
            Assert.Equal(acknowledgementCode, await page.InputValueAsync("#template"));
            await page.FillAsync("#reply-text", "Hej!");
            await page.ClickAsync("#insert-template");
            Assert.True(await page.IsVisibleAsync("#ready-text-added"));
            var acknowledgement = await page.InputValueAsync("#reply-text");
            Assert.StartsWith("Hej!\n\n", acknowledgement, StringComparison.Ordinal);
            Assert.Contains(caseNumber, acknowledgement, StringComparison.Ordinal);
            Assert.True(await page.IsCheckedAsync("#purpose-acknowledgement"));
            await page.ClickAsync("#send-reply");
            Assert.True(await page.IsVisibleAsync("#status-message"));

            await page.FillAsync("#note-text", noteText);
            await page.ClickAsync("#note form button[type=submit]");
            Assert.Contains(noteText, await page.TextContentAsync("main"), StringComparison.Ordinal);

            await page.SelectOptionAsync("#new-status", nameof(CaseStatus.UnderInvestigation));
            await page.ClickAsync("#handling form[action*='Status'] button[type=submit]");
            Assert.Contains("Utreds", await page.TextContentAsync("main"), StringComparison.Ordinal);

            var mailbox = await OpenMailboxAsync(token);
            Assert.Contains(FirstLine(acknowledgement), mailbox, StringComparison.Ordinal);
            Assert.DoesNotContain(noteText, mailbox, StringComparison.Ordinal);

            await page.SelectOptionAsync("#new-status", nameof(CaseStatus.Closed));
            await page.SelectOptionAsync("#outcome", CaseOutcomes.MeasuresTaken);
            await page.ClickAsync("#handling form[action*='Status'] button[type=submit]");

            // No feedback was given: closing asks first and offers a closing message, which counts as the feedback.
            Assert.Contains("återkoppling", await page.TextContentAsync("#close-confirmation"), StringComparison.Ordinal);
            await page.FillAsync("#closing-message", "The case is closed; measures were taken.");
            await page.ClickAsync("#close-confirmation-form button[type=submit]");
            Assert.Contains("The case is closed; measures were taken.", await OpenMailboxAsync(token), StringComparison.Ordinal);
            var closedOn = browser.App.Services.GetRequiredService<CaseCalendar>().Today;
            var disposeOn = closedOn.AddYears(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(disposeOn, (await page.TextContentAsync("#retention-dispose-on"))!.Trim());
        });

        browser.App.Clock.Advance(TimeSpan.FromDays((365 * 2) + 2));
        await using (var scope = browser.App.CreateScope())
        {
            var disposed = await scope.ServiceProvider.GetRequiredService<CaseDisposal>().DisposeDueAsync();
            Assert.True(disposed >= 1);
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            var stub = await db.Cases.AsNoTracking().SingleAsync(c => c.CaseNumber == caseNumber);
            Assert.NotNull(stub.DisposedOn);
            Assert.Equal(CaseOutcomes.MeasuresTaken, stub.Outcome);
            Assert.False(await db.CaseEntries.AnyAsync(e => e.CaseId == stub.Id));

            var kinds = await db.AuditEntries.AsNoTracking().Where(e => e.SubjectId == stub.Id).Select(e => e.Kind).ToListAsync();
            Assert.Contains(AuditKinds.CaseViewed, kinds);
            Assert.Contains(AuditKinds.CaseReplied, kinds);
            Assert.Contains(AuditKinds.CaseNoted, kinds);
            Assert.Contains(AuditKinds.CaseStatusChanged, kinds);
            Assert.Contains(AuditKinds.CaseDisposed, kinds);
            Assert.True((await scope.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync()).IsIntact);
        }

        await browser.RunAsync("handler-day-after", javaScript: false, async page =>
        {
            await page.GotoAsync("/mailbox");
            await page.FillAsync("#Token", token);
            await page.ClickAsync("main form button[type=submit]");
            Assert.DoesNotContain(reportText, await page.ContentAsync(), StringComparison.Ordinal);
            Assert.EndsWith("/mailbox", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task TheReplyFormsDefaultButton_SendsTheReply_NotTheReadyTextChoice()
    {
        var token = await SubmitAsync("enter-report-" + Guid.NewGuid().ToString("N"));
        var caseNumber = await CaseNumberOfAsync(token);
        var reply = "enter-reply-" + Guid.NewGuid().ToString("N");

        await browser.RunAsync("reply-enter", javaScript: false, async page =>
        {
            await browser.SignInAsync(page, StaffWorld.WhistleblowingHandler);
            await page.GotoAsync("/Staff/Cases");
            await page.Locator("table.inbox tbody tr", new() { HasText = caseNumber }).Locator($"a:text-is('{caseNumber}')").ClickAsync();

            // Implicit submission (Enter in a field) clicks the form's default button: its first submit button.
            await page.FillAsync("#reply-text", reply);
            var defaultButton = page.Locator("form.write-form[action*='handler=Reply'] button[type=submit]").First;
            Assert.Null(await defaultButton.GetAttributeAsync("formaction"));
            await defaultButton.DispatchEventAsync("click");
            // The click starts a navigation that the dispatch does not wait for: wait until either outcome is shown.
            await page.WaitForSelectorAsync("#status-message, #ready-text-added", new() { Timeout = 30_000 });

            Assert.False(await page.IsVisibleAsync("#ready-text-added"), "Enter chose the ready text");
            Assert.True(await page.IsVisibleAsync("#status-message"), "Enter sent nothing: " + page.Url);
            Assert.Equal(string.Empty, await page.InputValueAsync("#reply-text"));
        });

        Assert.Contains(reply, await OpenMailboxAsync(token), StringComparison.Ordinal);
    }

    private async Task<string> OpenMailboxAsync(string token)
    {
        string text = string.Empty;
        await browser.RunAsync("handler-day-mailbox", javaScript: false, async page =>
        {
            await page.GotoAsync("/mailbox");
            await page.FillAsync("#Token", token);
            await page.ClickAsync("main form button[type=submit]");
            Assert.EndsWith("/mailbox/open", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
            text = (await page.TextContentAsync("main"))!;
        });
        return text;
    }

    private async Task<string> SubmitAsync(string text)
    {
        using var reporter = new ReporterClient(browser.App);
        reporter.Http.BaseAddress = browser.BaseAddress;
        var (_, receipt) = await reporter.SubmitAsync("/report/whistleblowing", ReporterClient.MinimalWhistleblowing(text));
        return ReporterClient.TokenOn(receipt);
    }

    private async Task<string> CaseNumberOfAsync(string token)
    {
        Assert.Equal(MailboxTokenParseStatus.Ok, MailboxToken.TryParse(token, out var parsed));
        using (parsed)
        using (var keys = parsed!.DeriveKeys())
        {
            var lookupId = keys.Verifier;
            await using var scope = browser.App.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            return await db.Cases.AsNoTracking().Where(c => c.MailboxLookupId == lookupId).Select(c => c.CaseNumber).SingleAsync();
        }
    }

    private static string FirstLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
}
