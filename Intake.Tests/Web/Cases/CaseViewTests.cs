using System.Net;
using System.Text;
using Intake.Tests.Infrastructure;
using Intake.Web.Audit;
using Intake.Web.Cases;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Cases;

/// <summary>The case page decrypts the report for its handlers, hides the identity until asked, streams attachments.</summary>
public sealed class CaseViewTests : CaseTestBase
{
    [Fact]
    public async Task Page_DecryptsTheReportWithFieldLabels_AndMarksMessagesRead()
    {
        var (caseId, _) = await SubmitWhistleblowingAsync("The contract went to the mayor's brother");
        await using (var scope = App.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            var record = await db.Cases.SingleAsync(c => c.Id == caseId);
            record.UnreadReporterMessages = 2;
            await db.SaveChangesAsync();
        }

        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);
        var (response, page) = await GetAsync(handler, $"/Staff/Cases/{caseId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = page.QuerySelector("#case-report")!.TextContent;
        Assert.Contains("The contract went to the mayor's brother", report, StringComparison.Ordinal);
        Assert.Contains("Beskriv vad som hänt", report, StringComparison.Ordinal);
        Assert.Contains("Mutor och korruption", report, StringComparison.Ordinal);
        Assert.StartsWith("VB-", page.QuerySelector("h1")!.TextContent.Split(' ')[^1], StringComparison.Ordinal);
        Assert.Contains("Mottagen", page.QuerySelector("#case-status")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Webbformuläret", page.QuerySelector("#case-origin")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".thread-item--receiptconfirmation"));
        Assert.Equal(0, (await RecordAsync(caseId)).UnreadReporterMessages);
        var handlerId = await UserIdAsync(StaffWorld.WhistleblowingHandler);
        Assert.Contains(await AuditOfAsync(caseId), e => e.Kind == AuditKinds.CaseViewed && e.ActorId == handlerId);
        Assert.Contains(page.QuerySelectorAll("#case-audit td[data-kind]"), td => td.GetAttribute("data-kind") == AuditKinds.CaseViewed);
        await AssertChainIntactAsync();
    }

    [Fact]
    public async Task Page_InEnglish()
    {
        var (caseId, _) = await SubmitWhistleblowingAsync("english view");
        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);

        var (response, page) = await GetAsync(handler, $"/en/Staff/Cases/{caseId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("The report", page.QuerySelector("#report-heading")!.TextContent);
        Assert.Contains("Describe what happened", page.QuerySelector("#case-report")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Identity_IsHiddenUntilAskedFor_AndShowingItIsAudited()
    {
        var (caseId, _) = await SubmitThreatAsync("threatened after the council meeting");
        using var handler = await SignInAsync(StaffWorld.ThreatHandler);

        var (get, page) = await GetAsync(handler, $"/Staff/Cases/{caseId}");
        var html = page.DocumentElement.OuterHtml;
        Assert.DoesNotContain("Kim Exempel", html, StringComparison.Ordinal);
        Assert.DoesNotContain("kim@example.org", html, StringComparison.Ordinal);
        Assert.DoesNotContain(await AuditOfAsync(caseId), e => e.Kind == AuditKinds.CaseIdentityRevealed);

        using var revealed = await handler.PostFormAsync(get, page, [], "#case-identity form");
        var after = await Html.ParseAsync(revealed);

        Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);
        var identity = after.QuerySelector("#identity-details")!.TextContent;
        Assert.Contains("Kim Exempel", identity, StringComparison.Ordinal);
        Assert.Contains("kim@example.org", identity, StringComparison.Ordinal);
        var threatHandler = await UserIdAsync(StaffWorld.ThreatHandler);
        Assert.Contains(await AuditOfAsync(caseId), e => e.Kind == AuditKinds.CaseIdentityRevealed && e.ActorId == threatHandler);
        await AssertChainIntactAsync();
    }

    [Fact]
    public async Task Attachment_StreamsTheOriginalBytesUnderTheOriginalName()
    {
        var bytes = new byte[200_000];
        new Random(7).NextBytes(bytes);
        var (caseId, _) = await SubmitWhistleblowingAsync("see the invoice", [("invoice 2026.pdf", bytes), ("note.txt", Encoding.UTF8.GetBytes("hello"))]);
        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);
        var (_, page) = await GetAsync(handler, $"/Staff/Cases/{caseId}");
        var link = page.QuerySelectorAll("#case-report .attachments a").Single(a => a.TextContent == "invoice 2026.pdf");

        using var download = await handler.Http.GetAsync(new Uri(link.GetAttribute("href")!, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("invoice 2026.pdf", download.Content.Headers.ContentDisposition.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName?.Trim('"'));
        Assert.Equal("application/octet-stream", download.Content.Headers.ContentType!.MediaType);
        Assert.True(download.Headers.CacheControl!.NoStore);
        var downloads = (await AuditOfAsync(caseId)).Where(e => e.Kind == AuditKinds.CaseAttachmentDownloaded).ToList();
        Assert.Single(downloads);
        await AssertChainIntactAsync();
    }

    [Fact]
    public async Task Attachment_OfAnotherCase_IsNotFound()
    {
        var (first, _) = await SubmitWhistleblowingAsync("one", [("a.txt", Encoding.UTF8.GetBytes("a"))]);
        var (second, _) = await SubmitWhistleblowingAsync("two");
        Guid attachmentId;
        await using (var scope = App.CreateScope())
        {
            attachmentId = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().CaseAttachments.Select(a => a.Id).SingleAsync();
        }

        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);
        using var wrongCase = await handler.Http.GetAsync(new Uri($"/Staff/Cases/{second}?handler=Attachment&attachmentId={attachmentId}", UriKind.Relative));
        using var unknown = await handler.Http.GetAsync(new Uri($"/Staff/Cases/{first}?handler=Attachment&attachmentId={Guid.NewGuid()}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, wrongCase.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [InlineData("invoice.pdf", "invoice.pdf")]
    [InlineData("../../etc/passwd", "_.._etc_passwd")]
    [InlineData("evil\"name\r\n.txt", "evil_name__.txt")]
    [InlineData("...", SafeFileName.Fallback)]
    [InlineData("", SafeFileName.Fallback)]
    public void DownloadName_IsCleaned(string original, string expected) =>
        Assert.Equal(expected, SafeFileName.From(original));

    private async Task<Guid> UserIdAsync(string username)
    {
        await using var scope = App.CreateScope();
        return (await StaffWorld.UserAsync(scope, username)).Id;
    }
}
