using System.Net;
using System.Text;
using System.Text.Json;
using Intake.Crypto.Mailbox;
using Intake.Tests.Infrastructure;
using Intake.Tests.Web.Cases;
using Intake.Web.Cases;
using Intake.Web.Hosting;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Availability;

/// <summary>
/// What a case shows cannot be bent by what an anonymous client sends: no file hidden from handlers, no name that
/// lies about itself, no gap in the reporter's numbering that counts internal notes.
/// </summary>
public sealed class CaseIntegrityTests : CaseTestBase
{
    [Fact]
    public async Task FilesTheDocumentDoesNotDescribe_AreShownToHandlersMarkedUndescribed()
    {
        using var reporter = new ReporterClient(App);
        var sealing = new BrowserSealingClient(reporter);
        using var response = await sealing.SubmitSealedReportAsync(BrowserSealingClient.ReportDocument("dead drop"), [Encoding.UTF8.GetBytes("payload")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var caseId = await OnlyCaseAsync();

        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);
        var (page, document) = await GetAsync(handler, $"/en/Staff/Cases/{caseId}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var link = Assert.Single(document.QuerySelectorAll("#case-report .attachments a"));
        Assert.Equal("undescribed-1.bin", link.TextContent);
        Assert.Contains("Undescribed file", document.QuerySelector("#case-report .attachments")!.TextContent, StringComparison.Ordinal);
        using var download = await handler.Http.GetAsync(new Uri(link.GetAttribute("href")!, UriKind.Relative));
        Assert.Equal("payload", await download.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(-1, 1)]
    public async Task MoreOrFewerSealedFilesThanDeclared_AreRefusedAndNothingIsStored(int declared, int sent)
    {
        using var reporter = new ReporterClient(App);
        var files = Enumerable.Range(0, sent).Select(i => new[] { (byte)i }).ToList();

        using var response = await new BrowserSealingClient(reporter).SubmitSealedReportAsync(
            BrowserSealingClient.ReportDocument("x", [.. files.Select((_, i) => ($"{i}.txt", 1L))]), files, declaredCount: declared);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        await using var scope = App.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.CountAsync());
        Assert.Empty(Directory.EnumerateFiles(App.Services.GetRequiredService<DataDirectory>().Attachments));
    }

    [Fact]
    public async Task FollowUpFilesBeyondTheDeclaredCount_AreRefused()
    {
        using var reporter = new ReporterClient(App);
        var (token, keys) = await Reporting.MailboxApiTests.SubmitAsync(reporter, "first");
        using var _ = token;
        using var __ = keys;
        var api = await new MailboxApiClient(reporter).LoadDoorAsync("/en/mailbox");

        using var response = await api.MessageAsync(keys.AuthenticatorHex, SealedMessage(keys), [SealedMessage(keys)], declaredCount: 0);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        await using var scope = App.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().CaseEntries.CountAsync(e => e.Kind == EntryKind.ReporterMessage));
    }

    [Fact]
    public async Task ACaseTakesNoMoreFilesThanItsQuota()
    {
        var (caseId, tokenText) = await SubmitWhistleblowingAsync("quota", [("a.bin", new byte[40_000])]);
        await using (var scope = App.CreateScope())
        {
            var guard = scope.ServiceProvider.GetRequiredService<Intake.Web.Reporting.Uploads.StorageGuard>();
            guard.Limits.MaxCaseBytes = 60_000;
        }

        using var reporter = new ReporterClient(App);
        await reporter.OpenMailboxAsync(tokenText);
        using var english = await reporter.Http.GetAsync(new Uri("/en/mailbox/open", UriKind.Relative));
        var mailbox = await Html.ParseAsync(english);
        var token = mailbox.QuerySelector("form[enctype] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("more"), "message" },
            { new ByteArrayContent(new byte[40_000]), "attachments", "b.bin" },
        };
        using var response = await reporter.Http.PostAsync(new Uri("/en/mailbox/open?handler=Message", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("cannot take more files", (await Html.ParseAsync(response)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Single(await FilesOfAsync(caseId));
        Assert.DoesNotContain(Directory.EnumerateFiles(App.Services.GetRequiredService<DataDirectory>().Attachments), p => Path.GetFileName(p).StartsWith(".staging-", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("right-to-left override", "invoice\u202Efdp.exe", "invoicefdp.exe")]
    [InlineData("right-to-left isolate", "a\u2067b.pdf", "ab.pdf")]
    [InlineData("left-to-right mark", "a\u200Eb.pdf", "ab.pdf")]
    [InlineData("zero width joiner", "a\u200Db.pdf", "ab.pdf")]
    [InlineData("line separator", "a\u2028b.pdf", "ab.pdf")]
    [InlineData("paragraph separator", "a\u2029b.pdf", "ab.pdf")]
    [InlineData("control", "a\u0007b.pdf", "ab.pdf")]
    public async Task SpoofingCharactersInAFileName_AreRemovedAtIngestion(string vector, string sent, string kept)
    {
        var (caseId, token) = await SubmitWhistleblowingAsync(vector, [(sent, "x"u8.ToArray())]);

        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);
        var (_, page) = await GetAsync(handler, $"/Staff/Cases/{caseId}");
        Assert.Equal(kept, page.QuerySelector("#case-report .attachments a")!.TextContent);

        // The reporter's download, without JavaScript, offers the same clean name.
        using var reporter = new ReporterClient(App);
        var (_, mailbox) = await reporter.OpenMailboxAsync(token);
        using var download = await reporter.Http.GetAsync(new Uri("/mailbox/open" + mailbox.QuerySelector(".attachments a")!.GetAttribute("href"), UriKind.Relative));
        Assert.Equal(kept, download.Content.Headers.ContentDisposition!.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName!.Trim('"'));
    }

    [Theory]
    [InlineData("invoice\u202Efdp.exe", "invoice_fdp.exe")]
    [InlineData("a\u2066b\u2069.pdf", "a_b_.pdf")]
    [InlineData("a\u2029b.pdf", "a_b.pdf")]
    public async Task ANameSealedInTheBrowser_IsShownAndDownloadedSafely(string sealedName, string shown)
    {
        using var reporter = new ReporterClient(App);
        using var response = await new BrowserSealingClient(reporter).SubmitSealedReportAsync(
            BrowserSealingClient.ReportDocument("names", (sealedName, 1)), ["x"u8.ToArray()]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var caseId = await OnlyCaseAsync();

        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);
        var (_, page) = await GetAsync(handler, $"/Staff/Cases/{caseId}");
        var link = page.QuerySelector("#case-report .attachments a")!;
        Assert.Equal(shown, link.TextContent);
        using var download = await handler.Http.GetAsync(new Uri(link.GetAttribute("href")!, UriKind.Relative));
        Assert.Equal(shown, download.Content.Headers.ContentDisposition!.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName!.Trim('"'));
    }

    [Fact]
    public async Task TheReportersThreadIsNumberedOneByOne_InternalNotesLeaveNoGap()
    {
        using var reporter = new ReporterClient(App);
        var (token, keys) = await Reporting.MailboxApiTests.SubmitAsync(reporter, "numbering");
        using var _ = token;
        using var __ = keys;
        await using (var scope = App.CreateScope())
        {
            var record = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.SingleAsync();
            using var keyring = await StaffWorld.UnlockAsync(scope, StaffWorld.WhistleblowingHandler);
            await HandlerWrites.NoteAsync(scope, record.Id, keyring, "internal one");
            await HandlerWrites.NoteAsync(scope, record.Id, keyring, "internal two");
            await HandlerWrites.ReplyAsync(scope, record.Id, keyring, "a reply");
        }

        var api = await new MailboxApiClient(reporter).LoadDoorAsync();
        using var response = await api.ThreadAsync(keys.AuthenticatorHex);

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var entries = json.RootElement.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], entries.Select(e => e.GetProperty("number").GetInt32()));
        Assert.All(entries, e => Assert.False(e.TryGetProperty("position", out var _)));
    }

    private byte[] SealedMessage(MailboxKeys keys)
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var record = db.Cases.AsNoTracking().Single();
        var channel = db.ChannelKeys.AsNoTracking().Where(k => k.ChannelId == record.ChannelId).OrderByDescending(k => k.Version).Select(k => k.Recipient).First();
        return Intake.Crypto.Age.AgeFile.Encrypt(Intake.Web.Reporting.ReportDocument.Message("m", []), [Intake.Crypto.Age.AgeKeys.ParseRecipient(channel), keys.Recipient]);
    }

    private async Task<Guid> OnlyCaseAsync()
    {
        await using var scope = App.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.Select(c => c.Id).SingleAsync();
    }

    private async Task<IReadOnlyList<CaseAttachment>> FilesOfAsync(Guid caseId)
    {
        await using var scope = App.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        return await db.CaseAttachments.AsNoTracking().Where(a => db.CaseEntries.Any(e => e.Id == a.EntryId && e.CaseId == caseId)).ToListAsync();
    }
}
