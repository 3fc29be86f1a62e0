using System.Net;
using System.Text;
using Intake.Tests.Infrastructure;
using Intake.Web.Audit;
using Intake.Web.Cases;
using Intake.Web.Keys;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Cases;

/// <summary>Arranges cases for the retention tests: a submitted report, handler entries, closing, time passing.</summary>
internal static class RetentionScenario
{
    public static readonly byte[] EvidenceBytes = Encoding.UTF8.GetBytes("scanned minutes of the board meeting");

    /// <summary>A whistleblowing report with one attachment; returns the case id and the mailbox token.</summary>
    public static async Task<(Guid CaseId, string Token)> SubmitWhistleblowingAsync(IntakeApplicationFactory app, string text)
    {
        using var reporter = new ReporterClient(app);
        var (response, receipt) = await reporter.SubmitAsync("/report/whistleblowing", ReporterClient.MinimalWhistleblowing(text), [("evidence.pdf", EvidenceBytes)]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = ReporterClient.TokenOn(receipt);
        return (await LatestCaseIdAsync(app, ChannelCodes.Whistleblowing), token);
    }

    public static async Task<(Guid CaseId, string Token)> SubmitThreatAsync(IntakeApplicationFactory app, string text)
    {
        using var reporter = new ReporterClient(app);
        var (_, receipt) = await reporter.SubmitAsync("/report/threat", ReporterClient.MinimalThreat(text));
        return (await LatestCaseIdAsync(app, ChannelCodes.Threat), ReporterClient.TokenOn(receipt));
    }

    public static async Task ReplyAndNoteAsync(IntakeApplicationFactory app, Guid caseId, string handler, string reply, string note)
    {
        await using var scope = app.CreateScope();
        using var keyring = await StaffWorld.UnlockAsync(scope, handler);
        await HandlerWrites.ReplyAsync(scope, caseId, keyring, reply);
        await HandlerWrites.NoteAsync(scope, caseId, keyring, note);
    }

    /// <summary>Closes the case today as the case page's close button does: status, outcome, closing and disposal days.</summary>
    public static async Task CloseAsync(IntakeApplicationFactory app, Guid caseId)
    {
        await using var scope = app.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var today = scope.ServiceProvider.GetRequiredService<CaseCalendar>().Today;
        var record = await db.Cases.SingleAsync(c => c.Id == caseId);
        record.Status = CaseStatus.Closed;
        record.Outcome = CaseOutcomes.MeasuresTaken;
        record.ClosedOn = today;
        record.DisposeOn = scope.ServiceProvider.GetRequiredService<CaseDeadlines>().DisposalDate(today);
        record.NextDeadline = null;
        await db.SaveChangesAsync();
    }

    /// <summary>Moves the clock past the disposal day of a case closed today.</summary>
    public static void PassRetentionPeriod(IntakeApplicationFactory app) => app.Clock.Advance(TimeSpan.FromDays((2 * 366) + 1));

    public static async Task<int> RunDisposalJobAsync(IntakeApplicationFactory app) =>
        await app.Services.GetRequiredService<CaseDisposalJob>().RunOnceAsync();

    public static async Task<CaseRecord> CaseAsync(IntakeApplicationFactory app, Guid caseId)
    {
        await using var scope = app.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.AsNoTracking().SingleAsync(c => c.Id == caseId);
    }

    public static async Task<List<AuditEntry>> AuditOfAsync(IntakeApplicationFactory app, Guid subjectId)
    {
        await using var scope = app.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.SubjectId == subjectId).OrderBy(e => e.Sequence).ToListAsync();
    }

    public static async Task AssertAuditChainIntactAsync(IntakeApplicationFactory app)
    {
        await using var scope = app.CreateScope();
        var verification = await scope.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync();
        Assert.True(verification.IsIntact, verification.Reason);
    }

    /// <summary>Rotates the channel's key as the administrator would (removing a member does the same).</summary>
    public static async Task RotateKeyAsync(IntakeApplicationFactory app, string channelCode)
    {
        await using var scope = app.CreateScope();
        var channel = await StaffWorld.ChannelAsync(scope, channelCode);
        var admin = await StaffWorld.UserAsync(scope, StaffWorld.AdminName);
        await scope.ServiceProvider.GetRequiredService<ChannelKeys>().RotateAsync(channel.Id, admin.Id);
    }

    /// <summary>Posts a form of a page with the given fields; the page is fetched first for its antiforgery token.</summary>
    public static Task<HttpResponseMessage> PostAsync(StaffBrowserClient client, string path, string formSelector, Dictionary<string, string>? fields = null) =>
        client.SubmitAsync(path, fields ?? [], formSelector);

    /// <summary>Posts straight to a handler with an antiforgery token taken from a page the client may see.</summary>
    public static async Task<HttpResponseMessage> PostWithOwnTokenAsync(StaffBrowserClient client, string path, Dictionary<string, string>? fields = null)
    {
        using var home = await client.Http.GetAsync(new Uri("/Staff", UriKind.Relative));
        var page = await Html.ParseAsync(home);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var values = new Dictionary<string, string>(fields ?? [], StringComparer.Ordinal) { ["__RequestVerificationToken"] = token };
        using var content = new FormUrlEncodedContent(values);
        return await client.Http.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    public static async Task<Guid> LatestCaseIdAsync(IntakeApplicationFactory app, string channelCode)
    {
        await using var scope = app.CreateScope();
        var channel = await StaffWorld.ChannelAsync(scope, channelCode);
        return await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.AsNoTracking()
            .Where(c => c.ChannelId == channel.Id).OrderByDescending(c => c.Year).ThenByDescending(c => c.Sequence).Select(c => c.Id).FirstAsync();
    }
}
