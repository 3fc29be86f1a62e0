using System.Net;
using System.Text;
using Intake.Tests.Infrastructure;
using Intake.Web.Audit;
using Intake.Web.Keys;
using UglyToad.PdfPig;

namespace Intake.Tests.Web.Cases;

/// <summary>The case as a PDF for the registry: read back, identity only when asked, audited, never in clear on disk.</summary>
public sealed class CasePdfTests : OrganisationTestBase
{
    private const string Report = "the purchasing officer took gifts from Åkesson Bygg";
    private const string Reply = "thank you, we are looking into it";
    private const string Note = "interview the purchasing officer next week";

    [Fact]
    public async Task Pdf_HoldsReportThreadNotesAttachmentsAndHistory_WithoutIdentityUnlessAsked_Audited_NeverOnDisk()
    {
        var started = DateTime.UtcNow.AddSeconds(-1);
        var caseId = await SubmitNamedWhistleblowingAsync();
        await RetentionScenario.ReplyAndNoteAsync(App, caseId, StaffWorld.WhistleblowingHandler, Reply, Note);
        using var handler = new StaffBrowserClient(App);
        await handler.SignInAsync(StaffWorld.WhistleblowingHandler);

        using var withheld = await PostPdfAsync(handler, caseId, identity: false);
        var withheldBytes = await withheld.Content.ReadAsByteArrayAsync();
        var withheldText = TextOf(withheldBytes);

        Assert.Equal(HttpStatusCode.OK, withheld.StatusCode);
        Assert.Equal("application/pdf", withheld.Content.Headers.ContentType?.MediaType);
        Assert.True(withheld.Headers.CacheControl?.NoStore);
        Assert.EndsWith(".pdf", withheld.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        Assert.Contains(Report, withheldText, StringComparison.Ordinal);
        Assert.Contains(Reply, withheldText, StringComparison.Ordinal);
        Assert.Contains(Note, withheldText, StringComparison.Ordinal);
        Assert.Contains("evidence.pdf", withheldText, StringComparison.Ordinal);
        Assert.Contains("Intern anteckning", withheldText, StringComparison.Ordinal);
        Assert.Contains("Mutor", withheldText, StringComparison.Ordinal);
        Assert.Contains("Händelser", withheldText, StringComparison.Ordinal);
        Assert.DoesNotContain("Kim Exempel", withheldText, StringComparison.Ordinal);
        Assert.DoesNotContain("kim@example.org", withheldText, StringComparison.Ordinal);

        using var included = await PostPdfAsync(handler, caseId, identity: true);
        var includedText = TextOf(await included.Content.ReadAsByteArrayAsync());
        Assert.Contains("Kim Exempel", includedText, StringComparison.Ordinal);
        Assert.Contains("kim@example.org", includedText, StringComparison.Ordinal);

        var audit = await RetentionScenario.AuditOfAsync(App, caseId);
        Assert.Equal(["identity=withheld", "identity=included"], audit.Where(e => e.Kind == AuditKinds.CasePdfExported).Select(e => e.Detail));
        Assert.Equal(["pdf"], audit.Where(e => e.Kind == AuditKinds.CaseIdentityRevealed).Select(e => e.Detail));
        await RetentionScenario.AssertAuditChainIntactAsync(App);
        AssertNotInClearOnDisk(started, Report, Reply, Note, "Kim Exempel");
    }

    [Fact]
    public async Task Pdf_InEnglish_IsLabelledInEnglish_AndAHandlerOfAnotherChannelGetsNothing()
    {
        var (caseId, _) = await RetentionScenario.SubmitWhistleblowingAsync(App, "english pdf");
        using var handler = new StaffBrowserClient(App);
        await handler.SignInAsync(StaffWorld.WhistleblowingHandler);
        using var response = await RetentionScenario.PostAsync(handler, $"/en/Staff/Cases/{caseId}/Export", "#export-pdf");
        var text = TextOf(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("english pdf", text, StringComparison.Ordinal);
        Assert.Contains("History", text, StringComparison.Ordinal);
        Assert.Contains("Page 1/", text, StringComparison.Ordinal);

        using var other = new StaffBrowserClient(App);
        await other.SignInAsync(StaffWorld.ThreatHandler);
        using var refused = await RetentionScenario.PostWithOwnTokenAsync(other, $"/Staff/Cases/{caseId}/Export?handler=Pdf");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Single(await RetentionScenario.AuditOfAsync(App, caseId), e => e.Kind == AuditKinds.CasePdfExported);
    }

    private async Task<Guid> SubmitNamedWhistleblowingAsync()
    {
        using var reporter = new ReporterClient(App);
        var answers = ReporterClient.MinimalWhistleblowing(Report);
        answers["identityMode"] = ["named"];
        answers["name"] = ["Kim Exempel"];
        answers["contact"] = ["kim@example.org"];
        var (response, _) = await reporter.SubmitAsync("/report/whistleblowing", answers, [("evidence.pdf", RetentionScenario.EvidenceBytes)]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await RetentionScenario.LatestCaseIdAsync(App, ChannelCodes.Whistleblowing);
    }

    private static Task<HttpResponseMessage> PostPdfAsync(StaffBrowserClient handler, Guid caseId, bool identity) =>
        RetentionScenario.PostAsync(handler, $"/Staff/Cases/{caseId}/Export", "#export-pdf", identity ? new() { ["identity"] = "true" } : null);

    private static string TextOf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    /// <summary>No file written since the test began, in the data directory or the temporary directory, holds the text in clear.</summary>
    private void AssertNotInClearOnDisk(DateTime since, params string[] marks)
    {
        var roots = new[] { App.DataDirectory, Path.GetTempPath() };
        foreach (var root in roots)
        {
            foreach (var file in Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }))
            {
                // Empty files hold nothing, and FIFOs and sockets (a .NET process's clr-debug-pipe-*, for one) have no
                // length: opening a FIFO to read waits for a writer, for ever.
                var info = new FileInfo(file);
                if (info.LastWriteTimeUtc < since || info.Length == 0 || info.Length > 64 * 1024 * 1024)
                {
                    continue;
                }

                byte[] content;
                try
                {
                    content = File.ReadAllBytes(file);
                }
                catch (IOException)
                {
                    continue;
                }

                foreach (var mark in marks)
                {
                    Assert.True(content.AsSpan().IndexOf(Encoding.UTF8.GetBytes(mark)) < 0, $"'{mark}' in clear in {file}");
                }
            }
        }
    }
}
