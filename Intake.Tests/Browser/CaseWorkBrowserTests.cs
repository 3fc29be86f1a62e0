using Intake.Tests.Infrastructure;
using Intake.Web.Cases;
using Intake.Web.Channels;
using Intake.Web.Localization;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Intake.Tests.Browser;

/// <summary>
/// A handler working in a case page with JavaScript: ready texts inserted at the cursor without losing a word, the
/// idle warning, and a reply kept as a sealed draft across an idle sign-out.
/// </summary>
public sealed class CaseWorkBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => browser.App.EnsureSetUpAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ReadyText_WithJavaScript_IsInsertedAtTheCursor_KeepingWhatWasTyped_AndPassesAxe()
    {
        var caseId = await SubmitAsync("ready text with script " + Guid.NewGuid().ToString("N"));
        await browser.RunAsync("ready-text-js", javaScript: true, async page =>
        {
            await browser.SignInAsync(page, StaffWorld.WhistleblowingHandler);
            await page.GotoAsync($"/Staff/Cases/{caseId}");
            var url = page.Url;
            var acknowledgement = CaseReplyTemplates.Code(ChannelKinds.Whistleblowing.ReadyTexts[0], Languages.Default);
            Assert.Equal(acknowledgement, await page.InputValueAsync("#template"));

            await page.FillAsync("#reply-text", "Hej!\nMed vänlig hälsning");
            await page.EvaluateAsync("() => { const b = document.querySelector('#reply-text'); b.focus(); b.setSelectionRange(5, 5); b.dispatchEvent(new Event('select')); }");
            await page.ClickAsync("#insert-template");

            var text = await page.InputValueAsync("#reply-text");
            Assert.Equal(url, page.Url);
            Assert.StartsWith("Hej!\n", text, StringComparison.Ordinal);
            Assert.EndsWith("Med vänlig hälsning", text, StringComparison.Ordinal);
            Assert.Contains("VB-", text, StringComparison.Ordinal);
            Assert.True(await page.IsCheckedAsync("#purpose-acknowledgement"));
            await AxeAssert.NoSeriousViolationsAsync(page, "case page");
        });
    }

    [Fact]
    public async Task CloseConfirmation_WithJavaScript_OffersTheClosingMessage_AndPassesAxe()
    {
        var caseId = await SubmitAsync("close confirmation " + Guid.NewGuid().ToString("N"));
        await browser.RunAsync("close-confirmation-js", javaScript: true, async page =>
        {
            await browser.SignInAsync(page, StaffWorld.WhistleblowingHandler);
            await page.GotoAsync($"/Staff/Cases/{caseId}");
            await page.SelectOptionAsync("#new-status", nameof(CaseStatus.Closed));
            await page.SelectOptionAsync("#outcome", CaseOutcomes.NoWrongdoingFound);
            await page.ClickAsync("#handling form[action*='Status'] button[type=submit]");

            Assert.True(await page.IsVisibleAsync("#close-confirmation"));
            Assert.False(string.IsNullOrWhiteSpace(await page.InputValueAsync("#closing-message")));
            await AxeAssert.NoSeriousViolationsAsync(page, "close confirmation");
            await page.ClickAsync("#close-confirmation-form button[type=submit]");
            Assert.True(await page.IsVisibleAsync("#status-message"));
        });
    }

    [Fact]
    public async Task Draft_SurvivesAnIdleSignOut_SealedOnDisk_AndIsGoneOnceSent()
    {
        var caseId = await SubmitAsync("draft case " + Guid.NewGuid().ToString("N"));
        var draft = "draft-" + Guid.NewGuid().ToString("N") + "\nsecond line";
        await browser.RunAsync("draft-idle", javaScript: true, async page =>
        {
            await page.Clock.InstallAsync();
            await browser.SignInAsync(page, StaffWorld.WhistleblowingHandler);
            await page.GotoAsync($"/Staff/Cases/{caseId}");

            // Two minutes before the idle timeout the page warns, and "continue" keeps the session.
            Assert.False(await page.IsVisibleAsync("#idle-warning"));
            await page.Clock.FastForwardAsync("13:05");
            Assert.True(await page.IsVisibleAsync("#idle-warning"));
            await AxeAssert.NoSeriousViolationsAsync(page, "idle warning");
            await page.ClickAsync("#idle-continue");
            await page.WaitForSelectorAsync("#idle-warning", new() { State = WaitForSelectorState.Hidden });

            await page.FillAsync("#reply-text", draft);
            await page.Clock.FastForwardAsync("00:03");
            await page.WaitForSelectorAsync("form[data-draft-kind=Reply][data-draft-kept]", new() { State = WaitForSelectorState.Attached });
            AssertNotInClear(draft.Split('\n')[0]);

            // The handler walks away: the session ends for being idle.
            browser.App.Clock.Advance(TimeSpan.FromMinutes(16));
            await page.GotoAsync($"/Staff/Cases/{caseId}");
            Assert.Contains("/Staff/SignIn", page.Url, StringComparison.Ordinal);

            await browser.SignInAsync(page, StaffWorld.WhistleblowingHandler);
            await page.GotoAsync($"/Staff/Cases/{caseId}");
            Assert.True(await page.IsVisibleAsync("#draft-restored"));
            Assert.Equal(draft, await page.InputValueAsync("#reply-text"));

            await page.ClickAsync("#send-reply");
            Assert.True(await page.IsVisibleAsync("#status-message"));
            Assert.Equal(string.Empty, await page.InputValueAsync("#reply-text"));
            Assert.Empty(Directory.EnumerateFiles(Path.Combine(browser.App.DataDirectory, "drafts"), $"*{caseId:N}*"));
        });
    }

    private void AssertNotInClear(string mark)
    {
        var drafts = Directory.EnumerateFiles(Path.Combine(browser.App.DataDirectory, "drafts")).ToList();
        Assert.NotEmpty(drafts);
        foreach (var file in Directory.EnumerateFiles(browser.App.DataDirectory, "*", SearchOption.AllDirectories))
        {
            var content = File.ReadAllBytes(file);
            Assert.True(content.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(mark)) < 0, $"{mark} in clear in {file}");
        }
    }

    private async Task<Guid> SubmitAsync(string text)
    {
        using var reporter = new ReporterClient(browser.App);
        reporter.Http.BaseAddress = browser.BaseAddress;
        await reporter.SubmitAsync("/report/whistleblowing", ReporterClient.MinimalWhistleblowing(text));
        await using var scope = browser.App.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        return await db.Cases.OrderByDescending(c => c.Sequence).Select(c => c.Id).FirstAsync();
    }
}
