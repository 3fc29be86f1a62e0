using System.Net;
using System.Text;
using Intake.Tests.Infrastructure;
using Intake.Web.Audit;
using Intake.Web.Cases;
using Intake.Web.Reporting.Uploads;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Intake.Tests.Web.Cases;

/// <summary>
/// A registered report carries the scanned letter: sealed to the channel and the new mailbox as it streams in, so the
/// reporter finds it with the minutes. And no file a handler adds is ever stored in clear.
/// </summary>
public sealed class CaseRegisterAttachmentTests : CaseTestBase
{
    private const string RegisterForm = "form[method=post].report-form";

    private static readonly (string, string)[] _posted =
    [
        ("Origin", nameof(CaseOrigin.Post)),
        ("category", "procurement"),
        ("whatHappened", "LETTER-MINUTES a letter came by post"),
        ("identityMode", "anonymous"),
        ("allowAcknowledgement", "true"),
    ];

    [Fact]
    public async Task RegistrationWithAScannedLetter_TheReporterFindsItInTheMailbox()
    {
        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);
        var (_, form) = await GetAsync(handler, "/Staff/Cases/Register");
        var letter = Encoding.UTF8.GetBytes("%PDF-1.4 scanned letter from the reporter");

        var (response, receipt) = await StaffUploadClient.PostAsync(handler, form, RegisterForm, _posted, [("brev.pdf", letter)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = receipt.QuerySelector("#mailbox-token")!.TextContent.Trim();
        using var reporter = new ReporterClient(App);
        var (_, mailbox) = await reporter.OpenMailboxAsync(token);
        Assert.Contains("LETTER-MINUTES", mailbox.QuerySelector(".thread")!.TextContent, StringComparison.Ordinal);
        var link = mailbox.QuerySelector(".thread-item--report .attachments a")!;
        Assert.Equal("brev.pdf", link.TextContent);
        using (var download = await reporter.Http.GetAsync(new Uri("/mailbox/open" + link.GetAttribute("href"), UriKind.Relative)))
        {
            Assert.Equal(letter, await download.Content.ReadAsByteArrayAsync());
        }

        await using var scope = App.CreateScope();
        var record = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.AsNoTracking().SingleAsync();
        Assert.Equal(CaseOrigin.Post, record.Origin);
        Assert.Contains(await AuditOfAsync(record.Id), e => e.Kind == AuditKinds.CaseRegistered && e.Detail == "Post files=1");
        var (_, casePage) = await GetAsync(handler, $"/Staff/Cases/{record.Id}");
        var own = casePage.QuerySelector("#case-report .attachments a, .attachments a")!;
        Assert.Equal("brev.pdf", own.TextContent);
        using (var download = await handler.Http.GetAsync(new Uri(own.GetAttribute("href")!, UriKind.Relative)))
        {
            Assert.Equal(letter, await download.Content.ReadAsByteArrayAsync());
        }

        await AssertChainIntactAsync();
    }

    [Fact]
    public async Task RegistrationWithTooLargeAFile_KeepsTheAnswers_AndRegistersNothing()
    {
        App.Services.GetRequiredService<IOptions<UploadOptions>>().Value.MaxFileBytes = 1_000_000;
        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);
        var (_, form) = await GetAsync(handler, "/Staff/Cases/Register");

        var (response, page) = await StaffUploadClient.PostAsync(handler, form, RegisterForm, _posted, [("brev.pdf", new byte[1_500_000])]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("LETTER-MINUTES a letter came by post", page.QuerySelector("#f-whatHappened")!.TextContent);
        Assert.NotNull(page.QuerySelector("#origin-Post[checked]"));
        var summary = page.QuerySelector("#error-summary")!.TextContent;
        Assert.Contains("brev.pdf: Filen är större än 1 MB och togs inte emot.", summary, StringComparison.Ordinal);
        Assert.Contains("Välj de här filerna igen", summary, StringComparison.Ordinal);
        await using var scope = App.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.AnyAsync());
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(App.DataDirectory, "attachments")));
    }

    [Fact]
    public async Task RegistrationIntoAnotherChannel_IsNotFound_AndNoFileIsKept()
    {
        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);
        var (_, form) = await GetAsync(handler, "/Staff/Cases/Register");
        form.QuerySelector($"{RegisterForm} input[name=channel]")!.SetAttribute("value", "threat");

        var (response, page) = await StaffUploadClient.PostAsync(handler, form, RegisterForm, _posted, [("brev.pdf", new byte[50_000])]);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Sidan finns inte", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        await using var scope = App.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.AnyAsync());
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(App.DataDirectory, "attachments")));
    }

    [Fact]
    public async Task ACanaryInAnyHandlersFile_NeverAppearsInClearInTheDataDirectory()
    {
        var canary = "CANARY-" + Guid.NewGuid().ToString("N");
        var content = Encoding.UTF8.GetBytes($"top secret {canary} end");
        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);
        var (_, form) = await GetAsync(handler, "/Staff/Cases/Register");
        var (registered, _) = await StaffUploadClient.PostAsync(handler, form, RegisterForm, _posted, [("letter.txt", content)]);
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        var caseId = (await AllCaseIdsAsync()).Single();
        var (_, casePage) = await GetAsync(handler, $"/Staff/Cases/{caseId}");
        var (replied, _) = await StaffUploadClient.PostAsync(handler, casePage, "form[action*='handler=Reply']",
            [("ReplyText", "see attached"), ("ReplyPurpose", nameof(ReplyPurpose.Message))], [("reply.txt", content)]);
        Assert.Equal(HttpStatusCode.OK, replied.StatusCode);
        var (_, again) = await GetAsync(handler, $"/Staff/Cases/{caseId}");
        var (noted, _) = await StaffUploadClient.PostAsync(handler, again, "form[action*='handler=Note']", [("NoteText", "see attached")], [("note.txt", content)]);
        Assert.Equal(HttpStatusCode.OK, noted.StatusCode);

        await using (var scope = App.CreateScope())
        {
            Assert.Equal(3, await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().CaseAttachments.CountAsync());
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var needle = Encoding.UTF8.GetBytes(canary);
        foreach (var path in Directory.EnumerateFiles(App.DataDirectory, "*", SearchOption.AllDirectories))
        {
            byte[] bytes;
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var copy = new MemoryStream())
            {
                await stream.CopyToAsync(copy);
                bytes = copy.ToArray();
            }

            Assert.True(bytes.AsSpan().IndexOf(needle) < 0, $"The canary is in clear in {Path.GetRelativePath(App.DataDirectory, path)}");
        }

        Assert.DoesNotContain(App.Logs.RenderAll(), line => line.Contains(canary, StringComparison.Ordinal) || line.Contains("letter.txt", StringComparison.Ordinal));
        await AssertChainIntactAsync();
    }

    private async Task<List<Guid>> AllCaseIdsAsync()
    {
        await using var scope = App.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.Select(c => c.Id).ToListAsync();
    }
}
