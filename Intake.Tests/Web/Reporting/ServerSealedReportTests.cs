using System.Net;
using System.Text;
using Intake.Crypto.Age;
using Intake.Crypto.Mailbox;
using Intake.Tests.Infrastructure;
using Intake.Web.Cases;
using Intake.Web.Hosting;
using Intake.Web.Keys;
using Intake.Web.Reporting;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Reporting;

/// <summary>Reports posted without JavaScript: sealed by the server in the request.</summary>
public sealed class ServerSealedReportTests : OrganisationTestBase
{

    [Fact]
    public async Task WhistleblowingReport_IsSealedToChannelAndMailbox()
    {
        using var reporter = new ReporterClient(App);
        var canary = "CANARY-" + Guid.NewGuid().ToString("N");

        var (response, page) = await reporter.SubmitAsync("/report/whistleblowing", ReporterClient.MinimalWhistleblowing(canary),
            [("evidence.txt", Encoding.UTF8.GetBytes("attachment " + canary))]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/report/receipt", response.RequestMessage!.RequestUri!.AbsolutePath);
        var token = ReporterClient.TokenOn(page);
        Assert.Equal(MailboxTokenParseStatus.Ok, MailboxToken.TryParse(token, out var parsed));
        using var mailbox = parsed!.DeriveKeys();

        await using var scope = App.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var record = await db.Cases.Include(c => c.Entries).ThenInclude(e => e.Attachments).SingleAsync();
        Assert.Equal("bribery", record.Category);
        Assert.StartsWith("VB-", record.CaseNumber, StringComparison.Ordinal);
        Assert.Equal(SealingMode.Server, record.SealedBy);
        Assert.Equal(mailbox.Verifier, record.MailboxLookupId);
        Assert.False(record.MailboxLegacy);
        var report = record.Entries.Single(e => e.Kind == EntryKind.Report);

        using var handler = await StaffWorld.UnlockAsync(scope, StaffWorld.WhistleblowingHandler);
        var byHandler = Encoding.UTF8.GetString(AgeFile.Decrypt(report.Sealed, handler.IdentitiesFor(record.ChannelId)));
        var byReporter = Encoding.UTF8.GetString(AgeFile.Decrypt(report.Sealed, [mailbox.Identity]));
        Assert.Contains(canary, byHandler, StringComparison.Ordinal);
        Assert.Equal(byHandler, byReporter);
        Assert.Contains("evidence.txt", byHandler, StringComparison.Ordinal);

        var attachment = report.Attachments.Single();
        var path = Path.Combine(App.Services.GetRequiredService<DataDirectory>().Attachments, attachment.FileName);
        Assert.Equal("attachment " + canary, Encoding.UTF8.GetString(AgeFile.Decrypt(await File.ReadAllBytesAsync(path), [mailbox.Identity])));
        Assert.Contains(record.Entries, e => e.Kind == EntryKind.ReceiptConfirmation);
    }

    [Fact]
    public async Task ThreatReport_KeepsOnlyCoarseCodesInClear()
    {
        using var reporter = new ReporterClient(App);

        var (response, _) = await reporter.SubmitAsync("/en/report/threat", ReporterClient.MinimalThreat("somebody threatened me"));

        Assert.Equal("/en/report/receipt", response.RequestMessage!.RequestUri!.AbsolutePath);
        await using var scope = App.CreateScope();
        var record = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.SingleAsync();
        Assert.Equal("elected", record.ReporterRole);
        Assert.Equal("death-threat|doxing", record.IncidentTypes);
        Assert.Equal("online", record.IncidentPlace);
        Assert.True(record.PoliceReported);
        Assert.StartsWith("HV-", record.CaseNumber, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThreatReport_CarriesTheChosenUnitInTheSealedDocument_AsTheBrowserSealedOneDoes()
    {
        using (var admin = new StaffBrowserClient(App))
        {
            await admin.SignInAsync(StaffWorld.AdminName);
            using var added = await admin.SubmitAsync("/Staff/Admin/Units", new() { ["name[sv]"] = "Socialförvaltningen", ["name[en]"] = "Social services" }, "form[action*='handler=Add']");
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        }

        using var reporter = new ReporterClient(App);
        var fields = ReporterClient.MinimalThreat("threatened at a home visit");
        fields["organisationUnit"] = ["unit-1"];
        var (response, _) = await reporter.SubmitAsync("/report/threat", fields);
        var unknown = ReporterClient.MinimalThreat("a unit nobody listed");
        unknown["organisationUnit"] = ["unit-999"];
        await reporter.SubmitAsync("/report/threat", unknown);

        Assert.Equal("/report/receipt", response.RequestMessage!.RequestUri!.AbsolutePath);
        await using var scope = App.CreateScope();
        var records = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.Include(c => c.Entries).OrderBy(c => c.Sequence).ToListAsync();
        using var handler = await StaffWorld.UnlockAsync(scope, StaffWorld.ThreatHandler);
        ReportJson Open(CaseRecord record) => ReportDocument.ParseReport(
            AgeFile.Decrypt(record.Entries.Single(e => e.Kind == EntryKind.Report).Sealed, handler.IdentitiesFor(record.ChannelId)))!;
        Assert.Equal("unit-1", records[0].OrganisationUnit);
        Assert.Equal(["unit-1"], Open(records[0]).Answers["organisationUnit"]);
        Assert.Null(records[1].OrganisationUnit);
        Assert.False(Open(records[1]).Answers.ContainsKey("organisationUnit"));
    }

    [Fact]
    public async Task MissingAnswers_ShowErrorsAndKeepEverythingTyped()
    {
        using var reporter = new ReporterClient(App);
        var fields = ReporterClient.MinimalWhistleblowing("my long story");
        fields.Remove("category");
        fields["identityMode"] = ["named"];
        fields["involved"] = ["the unit manager"];

        var (response, page) = await reporter.SubmitAsync("/report/whistleblowing", fields, [("proof.pdf", [1, 2, 3])]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("my long story", page.QuerySelector("#f-whatHappened")!.TextContent);
        Assert.Equal("the unit manager", page.QuerySelector("#f-involved")!.TextContent);
        Assert.NotNull(page.QuerySelector("#f-category-error"));
        Assert.NotNull(page.QuerySelector("#f-name-error"));
        Assert.Contains("proof.pdf", page.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        await using var scope = App.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.CountAsync());
        Assert.Empty(Directory.GetFiles(App.Services.GetRequiredService<DataDirectory>().Attachments));
    }

    [Fact]
    public async Task CaseNumbers_CountPerChannel()
    {
        using var reporter = new ReporterClient(App);
        await reporter.SubmitAsync("/report/whistleblowing", ReporterClient.MinimalWhistleblowing("one"));
        await reporter.SubmitAsync("/report/whistleblowing", ReporterClient.MinimalWhistleblowing("two"));
        await reporter.SubmitAsync("/report/threat", ReporterClient.MinimalThreat("three"));

        await using var scope = App.CreateScope();
        var numbers = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.Select(c => c.CaseNumber).ToListAsync();
        var year = DateTime.UtcNow.Year;
        Assert.Equal([$"HV-{year}-0001", $"VB-{year}-0001", $"VB-{year}-0002"], numbers.Order(StringComparer.Ordinal));
    }
}
