using AngleSharp.Dom;
using Intake.Tests.Infrastructure;
using Intake.Web.Audit;
using Intake.Web.Cases;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Cases;

/// <summary>Reports sent through the real forms, and handlers driving the case page over HTTP.</summary>
public abstract class CaseTestBase : OrganisationTestBase
{
    protected const string SecondHandler = "wb-second";

    public override async Task InitializeAsync() => World = await StaffWorld.CreateAsync(App, SecondHandler);

    protected async Task<(Guid CaseId, string Token)> SubmitAsync(
        string path, Dictionary<string, string[]> fields, IEnumerable<(string Name, byte[] Content)>? files = null)
    {
        using var reporter = new ReporterClient(App);
        var (_, receipt) = await reporter.SubmitAsync(path, fields, files);
        var token = ReporterClient.TokenOn(receipt);
        await using var scope = App.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var id = await db.Cases.OrderByDescending(c => c.Sequence).Select(c => c.Id).FirstAsync();
        return (id, token);
    }

    protected Task<(Guid CaseId, string Token)> SubmitWhistleblowingAsync(string text, IEnumerable<(string Name, byte[] Content)>? files = null) =>
        SubmitAsync("/report/whistleblowing", ReporterClient.MinimalWhistleblowing(text), files);

    protected Task<(Guid CaseId, string Token)> SubmitThreatAsync(string text) =>
        SubmitAsync("/report/threat", ReporterClient.MinimalThreat(text));

    protected async Task<StaffBrowserClient> SignInAsync(string username)
    {
        var client = new StaffBrowserClient(App);
        await client.SignInAsync(username);
        return client;
    }

    protected static async Task<(HttpResponseMessage Response, IDocument Page)> GetAsync(StaffBrowserClient client, string path)
    {
        var response = await client.Http.GetAsync(new Uri(path, UriKind.Relative));
        return (response, await Html.ParseAsync(response));
    }

    /// <summary>
    /// Posts to a handler of the case page with a valid antiforgery token of this user (taken from a page they can
    /// open), url-encoded. The reply and note forms post to the case's write page.
    /// </summary>
    protected static async Task<(HttpResponseMessage Response, IDocument Page)> PostAsync(
        StaffBrowserClient client, Guid caseId, string handler, params (string Name, string Value)[] fields)
    {
        using var account = await client.Http.GetAsync(new Uri("/Staff/Account", UriKind.Relative));
        var tokenPage = await Html.ParseAsync(account);
        var token = tokenPage.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var values = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new("__RequestVerificationToken", token));
        using var content = new FormUrlEncodedContent(values);
        var page = handler switch
        {
            "Reply" or "Note" or "ReadyText" => $"/Staff/Cases/{caseId}/Write",
            "Urgency" or "Statutory" or "Triage" or "Measure" or "Unit" => $"/Staff/Cases/{caseId}/Threat",
            _ => $"/Staff/Cases/{caseId}",
        };
        var response = await client.Http.PostAsync(new Uri($"{page}?handler={handler}", UriKind.Relative), content);
        return (response, await Html.ParseAsync(response));
    }

    protected async Task<CaseRecord> RecordAsync(Guid caseId)
    {
        await using var scope = App.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.AsNoTracking().SingleAsync(c => c.Id == caseId);
    }

    protected async Task<IReadOnlyList<AuditEntry>> AuditOfAsync(Guid caseId)
    {
        await using var scope = App.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.SubjectId == caseId).OrderBy(e => e.Sequence).ToListAsync();
    }

    protected async Task AssertChainIntactAsync()
    {
        await using var scope = App.CreateScope();
        var verification = await scope.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync();
        Assert.True(verification.IsIntact, verification.Reason);
    }

    protected DateOnly Today => App.Services.GetRequiredService<CaseCalendar>().Today;
}
