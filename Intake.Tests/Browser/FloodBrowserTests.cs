using System.Text;
using Intake.Tests.Infrastructure;
using Intake.Web.Keys;
using Intake.Web.Reporting.Admission;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Intake.Tests.Browser;

/// <summary>
/// The report form in a real Chromium while the channel's free budget is spent: with JavaScript the page solves the
/// proof of work in the Web Worker Intake serves (/js/dist/intake-pow-worker.js) and the report arrives; without
/// JavaScript the form comes back with what was typed and how long to wait. Likewise a staff sign-in from a new
/// browser while the free sign-ins are spent: the page solves the proof first, or says why JavaScript is needed.
/// </summary>
public sealed class FloodBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        // Before any report: this fixture's application has no free budget, and a small proof.
        var gate = browser.App.Services.GetRequiredService<SubmissionGate>();
        gate.Options.FreeBurst = 0;
        gate.Options.ProofBits = 12;
        var keys = browser.App.Services.GetRequiredService<IOptions<KeyOptions>>().Value;
        keys.FreeSignIns = 0;
        keys.SignInProofBits = 12;
        await using var scope = browser.App.CreateScope();
        if (!await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Channels.AnyAsync())
        {
            using var world = await StaffWorld.CreateAsync(browser.App);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public Task WithJavaScript_TheWorkerSolvesTheProof_AndTheReportArrives() =>
        browser.RunAsync("flood-proof-of-work", javaScript: true, async page =>
        {
            var workers = new List<string>();
            page.Worker += (_, worker) => workers.Add(worker.Url);
            await page.GotoAsync("/en/report/whistleblowing");
            await page.WaitForFunctionAsync("() => { const n = document.getElementById('sealing-note'); return n && n.textContent === n.dataset.browserText; }");
            await page.SelectOptionAsync("#f-category", "fraud");
            await page.FillAsync("#f-whatHappened", "proof of work canary");
            await page.SetInputFilesAsync("#attachments", new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes("file") });
            await ReporterBrowser.PressSendAsync(page);

            await page.WaitForSelectorAsync("#mailbox-token", new() { Timeout = 60_000 });
            Assert.Contains(workers, url => url.EndsWith("/js/dist/intake-pow-worker.js", StringComparison.Ordinal));
            await using var scope = browser.App.CreateScope();
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.CountAsync());
        });

    [Fact]
    public Task WithoutJavaScript_TheFormComesBackWithWhatWasTyped_AndHowLongToWait() =>
        browser.RunAsync("flood-slow-lane", javaScript: false, async page =>
        {
            await page.GotoAsync("/en/report/whistleblowing");
            await page.SelectOptionAsync("#f-category", "fraud");
            await page.FillAsync("#f-whatHappened", "slow lane canary");
            await ReporterBrowser.PressSendAsync(page);

            await page.WaitForSelectorAsync("#error-summary");
            Assert.Contains("seconds", (await page.TextContentAsync("#error-summary"))!, StringComparison.Ordinal);
            Assert.Equal("slow lane canary", await page.InputValueAsync("#f-whatHappened"));
        });

    [Fact]
    public Task WithJavaScript_ASignInFromANewBrowser_SolvesTheProofFirst() =>
        browser.RunAsync("flood-sign-in-proof", javaScript: true, async page =>
        {
            var workers = new List<string>();
            page.Worker += (_, worker) => workers.Add(worker.Url);
            await browser.SignInAsync(page, StaffWorld.WhistleblowingHandler);
            Assert.Contains(workers, url => url.EndsWith("/js/dist/intake-pow-worker.js", StringComparison.Ordinal));
        });

    [Fact]
    public Task WithoutJavaScript_ASignInFromANewBrowser_IsToldWhyItCannotGoOn() =>
        browser.RunAsync("flood-sign-in-no-proof", javaScript: false, async page =>
        {
            await page.GotoAsync("/en/Staff/SignIn");
            await page.FillAsync("#Username", StaffWorld.AdminName);
            await page.FillAsync("#Passphrase", StaffWorld.Passphrase);
            var response = await page.RunAndWaitForResponseAsync(
                () => page.ClickAsync("main form button[type=submit]"), r => r.Request.Method == "POST" && r.Url.Contains("/Staff/SignIn", StringComparison.Ordinal));
            Assert.Equal(429, response.Status);
            Assert.Contains("JavaScript", (await page.TextContentAsync("[role=alert]"))!, StringComparison.Ordinal);
            Assert.Equal(StaffWorld.AdminName, await page.InputValueAsync("#Username"));
        });
}
