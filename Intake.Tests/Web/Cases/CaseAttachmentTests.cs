using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using AngleSharp.Dom;
using Intake.Crypto.Age;
using Intake.Crypto.Mailbox;
using Intake.Tests.Infrastructure;
using Intake.Web.Audit;
using Intake.Web.Cases;
using Intake.Web.Hosting;
using Intake.Web.Reporting.Uploads;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Intake.Tests.Web.Cases;

/// <summary>
/// Handlers attach files to replies and internal notes: streamed and sealed as they arrive, a reply's files to the
/// channel and the mailbox (the reporter downloads them there), a note's to the channel only.
/// </summary>
public sealed class CaseAttachmentTests : CaseTestBase
{
    private const string ReplyForm = "form[action*='handler=Reply']";
    private const string NoteForm = "form[action*='handler=Note']";

    [Fact]
    public async Task ReplyWithTwoFiles_TheReporterDownloadsTheExactBytesAndNames()
    {
        var (caseId, token) = await SubmitWhistleblowingAsync("reply with files");
        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);
        var (_, casePage) = await GetAsync(handler, $"/Staff/Cases/{caseId}");
        var minutes = RandomNumberGenerator.GetBytes(200_000);
        var decision = Encoding.UTF8.GetBytes("Beslut: utredningen avslutas.");

        var (response, after) = await StaffUploadClient.PostAsync(handler, casePage, ReplyForm,
            [("ReplyText", "REPLY-WITH-FILES see the minutes"), ("ReplyPurpose", nameof(ReplyPurpose.Feedback))],
            [("protokoll möte 3.pdf", minutes), ("beslut.txt", decision)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"/Staff/Cases/{caseId}", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.NotNull(after.QuerySelector("#status-message"));
        var reply = after.QuerySelector(".thread-item--handlermessage")!;
        Assert.Equal(["protokoll möte 3.pdf", "beslut.txt"], reply.QuerySelectorAll(".attachments a").Select(a => a.TextContent).ToArray());
        var record = await RecordAsync(caseId);
        Assert.Equal(Today, record.FeedbackGivenOn);
        Assert.Equal(CaseStatus.FeedbackGiven, record.Status);
        Assert.Contains(await AuditOfAsync(caseId), e => e.Kind == AuditKinds.CaseReplied && e.Detail == "Feedback files=2");

        // The handler downloads them from the case page, as any attachment of the case.
        using (var own = await handler.Http.GetAsync(new Uri(reply.QuerySelector(".attachments a")!.GetAttribute("href")!, UriKind.Relative)))
        {
            Assert.Equal(minutes, await own.Content.ReadAsByteArrayAsync());
        }

        using var reporter = new ReporterClient(App);
        var (_, mailbox) = await reporter.OpenMailboxAsync(token);
        var links = mailbox.QuerySelectorAll(".thread-item--handlermessage .attachments a").ToList();
        Assert.Equal(2, links.Count);
        await AssertDownloadAsync(reporter, links[0], "protokoll möte 3.pdf", minutes);
        await AssertDownloadAsync(reporter, links[1], "beslut.txt", decision);
        AssertNoStagingLeft();
        await AssertChainIntactAsync();
    }

    [Fact]
    public async Task NoteWithAFile_OpensForTheHandler_NeverForTheMailbox()
    {
        var (caseId, token) = await SubmitWhistleblowingAsync("note with a file");
        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);
        var (_, casePage) = await GetAsync(handler, $"/Staff/Cases/{caseId}");
        var investigation = Encoding.UTF8.GetBytes("INVESTIGATION-NOTES interview with the deputy");

        var (response, after) = await StaffUploadClient.PostAsync(handler, casePage, NoteForm,
            [("NoteText", "NOTE-WITH-FILE")], [("utredning.txt", investigation)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var note = after.QuerySelector(".thread-item--internalnote")!;
        var link = note.QuerySelector(".attachments a")!;
        Assert.Equal("utredning.txt", link.TextContent);
        using (var download = await handler.Http.GetAsync(new Uri(link.GetAttribute("href")!, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(investigation, await download.Content.ReadAsByteArrayAsync());
        }

        Assert.Contains(await AuditOfAsync(caseId), e => e.Kind == AuditKinds.CaseNoted && e.Detail == "files=1");

        using var reporter = new ReporterClient(App);
        var (_, mailbox) = await reporter.OpenMailboxAsync(token);
        Assert.DoesNotContain("utredning.txt", mailbox.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Empty(mailbox.QuerySelectorAll(".attachments a"));

        await using var scope = App.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var stored = await db.CaseAttachments.AsNoTracking()
            .Where(a => db.CaseEntries.Any(e => e.Id == a.EntryId && e.CaseId == caseId && e.Kind == EntryKind.InternalNote)).SingleAsync();
        var sealedFile = await File.ReadAllBytesAsync(Path.Combine(scope.ServiceProvider.GetRequiredService<DataDirectory>().Attachments, stored.FileName));
        Assert.Equal(MailboxTokenParseStatus.Ok, MailboxToken.TryParse(token, out var parsed));
        using (parsed)
        {
            using var keys = parsed!.DeriveKeys();
            Assert.ThrowsAny<AgeException>(() => AgeFile.Decrypt(sealedFile, [keys.Identity]));

            // Nor through the mailbox's own download, by id.
            using var byId = await reporter.Http.GetAsync(new Uri($"/mailbox/open?handler=Attachment&id={stored.Id}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, byId.StatusCode);
        }

        await AssertChainIntactAsync();
    }

    [Fact]
    public async Task TooLargeFile_IsRefusedInSwedish_KeepingTheText_AndNothingIsStored()
    {
        var (caseId, _) = await SubmitWhistleblowingAsync("too large");
        LimitFilesToOneMegabyte();
        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);
        var (_, casePage) = await GetAsync(handler, $"/Staff/Cases/{caseId}");
        var entriesBefore = await EntriesAsync(caseId);

        var (response, page) = await StaffUploadClient.PostAsync(handler, casePage, ReplyForm,
            [("ReplyText", "KEEP-THIS-REPLY"), ("ReplyPurpose", nameof(ReplyPurpose.Acknowledgement))],
            [("small.txt", "small"u8.ToArray()), ("scan.pdf", new byte[1_200_000])]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("KEEP-THIS-REPLY", page.QuerySelector("#reply-text")!.TextContent);
        Assert.NotNull(page.QuerySelector("#purpose-acknowledgement[checked]"));
        var summary = page.QuerySelector("#error-summary")!.TextContent;
        Assert.Contains("scan.pdf: Filen är större än 1 MB och togs inte emot.", summary, StringComparison.Ordinal);
        Assert.Contains("Välj de här filerna igen", summary, StringComparison.Ordinal);
        Assert.Contains("small.txt, scan.pdf", summary, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#error-summary a[href='#reply-attachments']"));
        Assert.Equal("true", page.QuerySelector("#reply-attachments")!.GetAttribute("aria-invalid"));

        Assert.Equal(entriesBefore, await EntriesAsync(caseId));
        Assert.Null((await RecordAsync(caseId)).AcknowledgedOn);
        Assert.DoesNotContain(await AuditOfAsync(caseId), e => e.Kind == AuditKinds.CaseReplied);
        AssertNoStagingLeft();
        Assert.Equal(0, AttachmentFiles());
    }

    [Fact]
    public async Task TooLargeFile_IsRefusedInEnglish_UnderEn()
    {
        var (caseId, _) = await SubmitWhistleblowingAsync("too large in english");
        LimitFilesToOneMegabyte();
        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);
        var (_, casePage) = await GetAsync(handler, $"/en/Staff/Cases/{caseId}");
        Assert.StartsWith("/en/", casePage.QuerySelector(NoteForm)!.GetAttribute("action"), StringComparison.Ordinal);

        var (response, page) = await StaffUploadClient.PostAsync(handler, casePage, NoteForm,
            [("NoteText", "KEEP-THIS-NOTE")], [("scan.pdf", new byte[1_200_000])]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("KEEP-THIS-NOTE", page.QuerySelector("#note-text")!.TextContent);
        var summary = page.QuerySelector("#error-summary")!.TextContent;
        Assert.Contains("scan.pdf: The file is larger than 1 MB", summary, StringComparison.Ordinal);
        Assert.Contains("Choose these files again", summary, StringComparison.Ordinal);
        Assert.DoesNotContain(await AuditOfAsync(caseId), e => e.Kind == AuditKinds.CaseNoted);
        AssertNoStagingLeft();
    }

    [Fact]
    public async Task ExpiredForm_KeepsTheText_TakesNoFile()
    {
        var (caseId, _) = await SubmitWhistleblowingAsync("expired");
        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);
        var (_, casePage) = await GetAsync(handler, $"/Staff/Cases/{caseId}");
        casePage.QuerySelector($"{NoteForm} input[name=__RequestVerificationToken]")!.SetAttribute("value", "stale");

        var (response, page) = await StaffUploadClient.PostAsync(handler, casePage, NoteForm, [("NoteText", "KEEP-STALE")], [("a.txt", "a"u8.ToArray())]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("KEEP-STALE", page.QuerySelector("#note-text")!.TextContent);
        Assert.Contains("Formuläret hade gått ut", page.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("a.txt", page.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(await AuditOfAsync(caseId), e => e.Kind == AuditKinds.CaseNoted);
        Assert.Equal(0, AttachmentFiles());
    }

    [Theory]
    [InlineData(StaffWorld.ThreatHandler, "Reply")]
    [InlineData(StaffWorld.ThreatHandler, "Note")]
    [InlineData(StaffWorld.AdminName, "Reply")]
    [InlineData(StaffWorld.AdminName, "Note")]
    public async Task Outsiders_GetNotFound_OnTheMultipartPosts_AndNothingIsStored(string outsider, string handler)
    {
        var (caseId, _) = await SubmitWhistleblowingAsync("outsider");
        var entriesBefore = await EntriesAsync(caseId);
        var auditBefore = (await AuditOfAsync(caseId)).Count;
        using var client = await SignInAsync(outsider);
        using var account = await client.Http.GetAsync(new Uri("/Staff/Account", UriKind.Relative));
        var token = (await Html.ParseAsync(account)).QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        foreach (var id in new[] { caseId, Guid.NewGuid() })
        {
            using var content = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent("intruder"), handler + "Text" },
                { new StringContent(nameof(ReplyPurpose.Acknowledgement)), "ReplyPurpose" },
            };
            var file = new ByteArrayContent(new byte[100_000]);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(file, "attachments", "intruder.pdf");

            using var response = await client.Http.PostAsync(new Uri($"/Staff/Cases/{id}/Write?handler={handler}", UriKind.Relative), content);

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("intruder", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(entriesBefore, await EntriesAsync(caseId));
        Assert.Equal(auditBefore, (await AuditOfAsync(caseId)).Count);
        Assert.Null((await RecordAsync(caseId)).AcknowledgedOn);
        Assert.Equal(0, AttachmentFiles());
        AssertNoStagingLeft();
    }

    [Fact]
    public async Task MultipartPostToTheCasePage_IsRefusedUnread()
    {
        var (caseId, _) = await SubmitWhistleblowingAsync("multipart to details");
        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);
        var (_, casePage) = await GetAsync(handler, $"/Staff/Cases/{caseId}");
        var token = casePage.QuerySelector($"{NoteForm} input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Closed"), "NewStatus" },
            { new ByteArrayContent(new byte[200_000]), "attachments", "x.bin" },
        };

        using var response = await handler.Http.PostAsync(new Uri($"/Staff/Cases/{caseId}?handler=Status", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(CaseStatus.Received, (await RecordAsync(caseId)).Status);
    }

    private void LimitFilesToOneMegabyte()
    {
        // The options are one instance for the application's lifetime: this test's application only.
        App.Services.GetRequiredService<IOptions<UploadOptions>>().Value.MaxFileBytes = 1_000_000;
    }

    private static async Task AssertDownloadAsync(ReporterClient reporter, IElement link, string name, byte[] content)
    {
        Assert.Equal(name, link.TextContent);
        using var download = await reporter.Http.GetAsync(new Uri("/mailbox/open" + link.GetAttribute("href"), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(name, download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    private async Task<int> EntriesAsync(Guid caseId)
    {
        await using var scope = App.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().CaseEntries.CountAsync(e => e.CaseId == caseId);
    }

    private int AttachmentFiles() =>
        Directory.EnumerateFiles(App.Services.GetRequiredService<DataDirectory>().Attachments, "*.age").Count();

    private void AssertNoStagingLeft() =>
        Assert.Empty(Directory.EnumerateFiles(App.Services.GetRequiredService<DataDirectory>().Attachments, StagedFile.TempPrefix + "*"));
}
