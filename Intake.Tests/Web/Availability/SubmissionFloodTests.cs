using System.Net;
using System.Text.Json;
using Intake.Tests.Infrastructure;
using Intake.Web.Reporting.Admission;
using Intake.Web.Reporting.Uploads;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Availability;

/// <summary>
/// An anonymous client sends reports as fast as it can. Each channel takes a budget of reports freely; beyond it a
/// report needs a proof: a proof of work with JavaScript, a form open for a minimum time without. Files stay within
/// the storage quota and away from the last of the disk, refused with a clear message and nothing half-written.
/// </summary>
public sealed class SubmissionFloodTests : OrganisationTestBase
{
    private SubmissionGate Gate => App.Services.GetRequiredService<SubmissionGate>();

    [Theory]
    [InlineData(8, "57")]
    [InlineData(12, "12664")]
    [InlineData(16, "33504")]
    public void TheFirstSolutionOfTheTestChallenge_IsTheOneTheBrowserFinds(int bits, string nonce)
    {
        Assert.Equal(nonce, ProofOfWork.Solve("intake-test-challenge", bits));
        Assert.True(ProofOfWork.IsSolution("intake-test-challenge", nonce, bits));
        Assert.False(ProofOfWork.IsSolution("intake-test-challenge", nonce + " ", bits));
        Assert.False(ProofOfWork.IsSolution("other-challenge", nonce, bits + 8));
    }

    [Fact]
    public async Task FortyReportsAtOnce_OnlyTheFreeBudgetIsTaken_TheRestAreAskedToWait()
    {
        Gate.Options.FreeBurst = new AdmissionOptions().FreeBurst;
        using var reporter = new ReporterClient(App);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
        {
            var (response, _) = await reporter.SubmitAsync("/report/whistleblowing", ReporterClient.MinimalWhistleblowing("flood " + i));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(Gate.Options.FreeBurst, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(40 - Gate.Options.FreeBurst, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        await using var scope = App.CreateScope();
        Assert.Equal(Gate.Options.FreeBurst, await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.CountAsync());
    }

    [Fact]
    public async Task WithoutJavaScript_AFormOpenLongEnough_GetsThroughTheSlowLane_AndNothingTypedIsLost()
    {
        Gate.Options.FreeBurst = 0;
        using var reporter = new ReporterClient(App);
        var (early, page) = await reporter.SubmitAsync("/en/report/whistleblowing", ReporterClient.MinimalWhistleblowing("slow lane canary"));

        Assert.Equal(HttpStatusCode.TooManyRequests, early.StatusCode);
        Assert.Contains("Wait", page.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("slow lane canary", page.QuerySelector("textarea[name=whatHappened]")!.TextContent.Trim());
        var stamp = page.QuerySelector("input[name=formStamp]")!.GetAttribute("value")!;

        // The reporter waits, and sends the same form (with its stamp) again.
        App.Clock.Advance(Gate.Options.MinimumFormTime + TimeSpan.FromSeconds(1));
        var fields = ReporterClient.MinimalWhistleblowing("slow lane canary");
        fields["formStamp"] = [stamp];
        var (later, receipt) = await reporter.SubmitAsync("/en/report/whistleblowing", fields, withFormStamp: false);

        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.NotNull(receipt.QuerySelector("#mailbox-token"));

        // The same stamp does not take a second report.
        var (replay, _) = await reporter.SubmitAsync("/en/report/whistleblowing", fields, withFormStamp: false);
        Assert.Equal(HttpStatusCode.TooManyRequests, replay.StatusCode);
    }

    [Fact]
    public async Task WithJavaScript_BeyondTheBudget_AReportNeedsAProofOfWork()
    {
        Gate.Options.FreeBurst = 0;
        Gate.Options.ProofBits = 10;
        using var reporter = new ReporterClient(App);
        var sealing = new BrowserSealingClient(reporter);

        using var unproven = await sealing.SubmitSealedReportAsync(BrowserSealingClient.ReportDocument("needs proof"));
        Assert.Equal(HttpStatusCode.TooManyRequests, unproven.StatusCode);
        using var json = JsonDocument.Parse(await unproven.Content.ReadAsStringAsync());
        var challenge = json.RootElement.GetProperty("proof").GetProperty("challenge").GetString()!;
        var bits = json.RootElement.GetProperty("proof").GetProperty("bits").GetInt32();
        Assert.True(bits >= 10);

        using var wrong = await sealing.SubmitSealedReportAsync(BrowserSealingClient.ReportDocument("wrong proof"), proof: (challenge, "not-a-nonce"));
        Assert.Equal(HttpStatusCode.TooManyRequests, wrong.StatusCode);

        var nonce = ProofOfWork.Solve(challenge, bits);
        using var proven = await sealing.SubmitSealedReportAsync(BrowserSealingClient.ReportDocument("proven"), proof: (challenge, nonce));
        Assert.Equal(HttpStatusCode.OK, proven.StatusCode);

        using var replayed = await sealing.SubmitSealedReportAsync(BrowserSealingClient.ReportDocument("replayed"), proof: (challenge, nonce));
        Assert.Equal(HttpStatusCode.TooManyRequests, replayed.StatusCode);
    }

    [Fact]
    public async Task UnderTheFreeDiskGuard_FilesAreRefusedWithAClearMessage_NothingHalfWritten_AndHealthIsDegraded()
    {
        using var client = App.CreateClient();
        using (var healthy = await client.GetAsync(new Uri("/healthz", UriKind.Relative)))
        {
            Assert.Equal("Healthy", await healthy.Content.ReadAsStringAsync());
        }

        App.Services.GetRequiredService<StorageGuard>().Limits.MinFreeDiskBytes = long.MaxValue / 4;
        using var reporter = new ReporterClient(App);
        var (response, page) = await reporter.SubmitAsync("/en/report/whistleblowing", ReporterClient.MinimalWhistleblowing("disk full"), [("big.bin", new byte[300_000])]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("cannot take more files right now", page.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("disk full", page.QuerySelector("textarea[name=whatHappened]")!.TextContent.Trim());
        Assert.Empty(Directory.EnumerateFiles(App.Services.GetRequiredService<Intake.Web.Hosting.DataDirectory>().Attachments));
        using var degraded = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, degraded.StatusCode);
        Assert.Equal("Degraded", await degraded.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheTotalQuota_IsNeverPassed()
    {
        App.Services.GetRequiredService<StorageGuard>().Limits.MaxTotalBytes = 500_000;
        using var reporter = new ReporterClient(App);
        var taken = 0;
        for (var i = 0; i < 5; i++)
        {
            var (response, _) = await reporter.SubmitAsync("/report/whistleblowing", ReporterClient.MinimalWhistleblowing("quota " + i), [("f.bin", new byte[200_000])]);
            taken += response.StatusCode == HttpStatusCode.OK ? 1 : 0;
        }

        var stored = Directory.EnumerateFiles(App.Services.GetRequiredService<Intake.Web.Hosting.DataDirectory>().Attachments).Sum(f => new FileInfo(f).Length);
        Assert.Equal(2, taken);
        Assert.True(stored <= 500_000, $"{stored} bytes stored");
    }
}
