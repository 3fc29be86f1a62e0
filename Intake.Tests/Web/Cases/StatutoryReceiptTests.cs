using System.Net;
using System.Text;
using Intake.Crypto.Age;
using Intake.Crypto.Mailbox;
using Intake.Tests.Infrastructure;
using Intake.Web.Audit;
using Intake.Web.Cases;
using Intake.Web.Hosting;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Cases;

/// <summary>
/// The e-service receipt for the Arbetsmiljöverket or Försäkringskassan report, attached on the threats panel without
/// JavaScript: streamed and sealed to the channel alone, kept as an internal note, audited without its name; refused
/// with what is missing and nothing stored; not offered for a whistleblowing case.
/// </summary>
public sealed class StatutoryReceiptTests : CaseTestBase
{
    private const string ReceiptForm = "#receipt-form";

    [Fact]
    public async Task Receipt_IsSealedToTheChannelAlone_KeptAsANote_AndAudited()
    {
        var (caseId, token) = await SubmitThreatAsync("threatened with a knife at the reception");
        using var handler = await SignInAsync(StaffWorld.ThreatHandler);
        var (_, casePage) = await GetAsync(handler, $"/Staff/Cases/{caseId}");
        var canary = "RECEIPTCANARY-" + Guid.NewGuid().ToString("N");
        var receipt = Encoding.UTF8.GetBytes("%PDF-1.7 kvittens " + canary);

        var (response, after) = await StaffUploadClient.PostAsync(handler, casePage, ReceiptForm, [("Authority", "awe")], [("kvittens-AV.pdf", receipt)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"/Staff/Cases/{caseId}", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Kvittensen har bifogats", after.QuerySelector("#status-message")!.TextContent, StringComparison.Ordinal);
        var note = after.QuerySelector(".thread-item--internalnote")!;
        Assert.Contains("Kvittens från e-tjänsten: Anmälan till Arbetsmiljöverket.", note.TextContent, StringComparison.Ordinal);
        var link = note.QuerySelector(".attachments a")!;
        Assert.Equal("kvittens-AV.pdf", link.TextContent);
        using (var download = await handler.Http.GetAsync(new Uri(link.GetAttribute("href")!, UriKind.Relative)))
        {
            Assert.Equal(receipt, await download.Content.ReadAsByteArrayAsync());
        }

        Assert.Contains(await AuditOfAsync(caseId), e => e.Kind == AuditKinds.CaseReceiptAttached && e.Detail == "awe files=1");
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
        }

        foreach (var file in Directory.EnumerateFiles(App.DataDirectory, "*", SearchOption.AllDirectories))
        {
            var content = await File.ReadAllBytesAsync(file);
            Assert.True(content.AsSpan().IndexOf(Encoding.UTF8.GetBytes(canary)) < 0, $"the receipt is in clear in {file}");
            Assert.True(content.AsSpan().IndexOf(Encoding.UTF8.GetBytes("kvittens-AV.pdf")) < 0, $"the receipt's name is in clear in {file}");
        }
    }

    [Fact]
    public async Task ReceiptWithoutAFileOrAChoice_IsRefusedWithWhatIsMissing_KeepingTheChoice()
    {
        var (caseId, _) = await SubmitThreatAsync("refused receipt");
        using var handler = await SignInAsync(StaffWorld.ThreatHandler);
        var (_, casePage) = await GetAsync(handler, $"/Staff/Cases/{caseId}");

        var (noFile, page) = await StaffUploadClient.PostAsync(handler, casePage, ReceiptForm, [("Authority", "fk")], []);
        var (noChoice, other) = await StaffUploadClient.PostAsync(handler, casePage, ReceiptForm, [], [("kvittens.pdf", [1, 2, 3])]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, noFile.StatusCode);
        Assert.Contains("Välj kvittensfilen", page.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("checked", page.QuerySelector("#receipt-fk")!.GetAttribute("checked"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noChoice.StatusCode);
        Assert.NotNull(other.QuerySelector("#receipt-authority-error"));
        Assert.Contains("kvittens.pdf", other.QuerySelector("#receipt-attachments-again")!.TextContent, StringComparison.Ordinal);
        await using var scope = App.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        Assert.False(await db.CaseEntries.AnyAsync(e => e.CaseId == caseId && e.Kind == EntryKind.InternalNote));
        Assert.Empty(await db.CaseAttachments.ToListAsync());
    }

    [Fact]
    public async Task WhistleblowingCase_HasNoReceiptForm_AndItsAddressAnswersNotFound()
    {
        var (caseId, _) = await SubmitWhistleblowingAsync("no statutory reports here");
        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);
        var (_, casePage) = await GetAsync(handler, $"/Staff/Cases/{caseId}");

        using var response = await handler.PostToHandlerAsync($"/Staff/Cases/{caseId}/Receipt", "", ("Authority", "awe"));

        Assert.Null(casePage.QuerySelector(ReceiptForm));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
