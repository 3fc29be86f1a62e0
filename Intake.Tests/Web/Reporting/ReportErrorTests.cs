using System.Net;
using System.Text.Json;
using Intake.Tests.Infrastructure;
using Intake.Web.Reporting.Uploads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Intake.Tests.Web.Reporting;

/// <summary>
/// A refused report, as the server renders it for both modes: one summary, only files that can be sent listed to
/// choose again, no internal part names and no advice to change the browser, one instruction for an expired form,
/// and the rules the script checks rendered from the form definition.
/// </summary>
public sealed class ReportErrorTests : OrganisationTestBase
{
    [Fact]
    public async Task OversizedFile_IsRefusedAndNotListedToChooseAgain_TheFileThatCanBeSentIs()
    {
        App.Services.GetRequiredService<IOptions<UploadOptions>>().Value.MaxFileBytes = 1000;
        using var reporter = new ReporterClient(App);
        var fields = ReporterClient.MinimalWhistleblowing("kept story");
        fields.Remove("category");

        var (response, page) = await reporter.SubmitAsync("/report/whistleblowing", fields, [("small.txt", new byte[10]), ("big.bin", new byte[5000])]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var summary = page.QuerySelector("#error-summary")!;
        Assert.Contains(summary.QuerySelectorAll("li"), li => li.TextContent.Contains("big.bin", StringComparison.Ordinal) && li.TextContent.Contains("större än", StringComparison.Ordinal));
        var again = page.QuerySelector("#choose-again")!.TextContent;
        Assert.Contains("small.txt", again, StringComparison.Ordinal);
        Assert.DoesNotContain("big.bin", again, StringComparison.Ordinal);
        Assert.StartsWith("Fel: ", page.Title, StringComparison.Ordinal);
        Assert.Equal("kept story", page.QuerySelector("#f-whatHappened")!.TextContent);
    }

    [Theory]
    [InlineData("/report/whistleblowing", "Fel: ", "Formuläret hade gått ut")]
    [InlineData("/en/report/threat", "Error: ", "The form had expired")]
    [InlineData("/fi/report/whistleblowing", "Virhe: ", "Lomake oli vanhentunut")]
    public async Task ExpiredForm_IsOneInstruction_AndKeepsTheTextAndTheFiles(string path, string titlePrefix, string expired)
    {
        using var reporter = new ReporterClient(App);
        var fields = path.Contains("threat", StringComparison.Ordinal) ? ReporterClient.MinimalThreat("typed before it expired") : ReporterClient.MinimalWhistleblowing("typed before it expired");

        var (response, page) = await reporter.SubmitAsync(path, fields, [("evidence.pdf", new byte[10])], expired: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = page.QuerySelectorAll("#error-summary li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Single(errors);
        Assert.StartsWith(expired, errors[0], StringComparison.Ordinal);
        Assert.Contains("evidence.pdf", page.QuerySelector("#choose-again")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith(titlePrefix, page.Title, StringComparison.Ordinal);
        Assert.Equal("typed before it expired", page.QuerySelector("#f-whatHappened")!.TextContent);
        Assert.Empty(page.QuerySelectorAll(".field-error"));
    }

    [Fact]
    public async Task BrowserSealed_RefusedFile_IsNamedByItsPlace_NeverByAnInternalName()
    {
        App.Services.GetRequiredService<IOptions<UploadOptions>>().Value.MaxFileBytes = 1000;
        using var reporter = new ReporterClient(App);
        var sealing = new BrowserSealingClient(reporter);

        using var response = await sealing.SubmitSealedReportAsync(
            BrowserSealingClient.ReportDocument("text", ("a.txt", 10), ("b.bin", 5000)), [new byte[10], new byte[5000]]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(".age", body, StringComparison.Ordinal);
        Assert.DoesNotContain("JavaScript", body, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(body);
        var error = Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal("attachments", error.GetProperty("field").GetString());
        Assert.Equal(1, error.GetProperty("index").GetInt32());
    }

    [Fact]
    public async Task BrowserSealed_ExpiredForm_IsOneInstructionAndSaysSo()
    {
        using var reporter = new ReporterClient(App);
        var sealing = new BrowserSealingClient(reporter);

        using var response = await sealing.SubmitSealedReportAsync(BrowserSealingClient.ReportDocument("text", ("a.txt", 10)), [new byte[10]], expired: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray());
        Assert.StartsWith("Formuläret hade gått ut", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(json.RootElement.GetProperty("expired").GetBoolean());
    }

    [Fact]
    public async Task TheFormsRules_AreRenderedFromTheFormDefinition()
    {
        using var reporter = new ReporterClient(App);
        using var response = await reporter.Http.GetAsync(new Uri("/en/report/threat", UriKind.Relative));
        var page = await Html.ParseAsync(response);

        using var name = JsonDocument.Parse(page.QuerySelector("[data-field=name]")!.GetAttribute("data-required-when")!);
        Assert.Contains(name.RootElement.EnumerateArray(), c => c.GetProperty("field").GetString() == "identityMode" && c.GetProperty("value").GetString() == "named"
            && c.GetProperty("message").GetString()!.Length > 0);
        Assert.NotNull(page.QuerySelector("[data-field=whatHappened][data-required=true][data-msg-missing]"));
        var date = page.QuerySelector("[data-kind=Date]")!;
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", date.GetAttribute("data-not-after")!);
        Assert.False(string.IsNullOrEmpty(date.GetAttribute("data-msg-not-after")));
        var script = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "client/src/report-form.js"));
        Assert.DoesNotContain("msgNameNamed", script, StringComparison.Ordinal);
        Assert.DoesNotContain("\"confidential\"", script, StringComparison.Ordinal);
    }
}
