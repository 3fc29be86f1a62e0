using System.Net;
using System.Text;
using System.Text.Json;
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

/// <summary>
/// Follow-ups and meeting requests through the mailbox API: the browser seals, the server checks the age files
/// and stores them as they came, and keeps nothing of what it refuses.
/// </summary>
public sealed class MailboxApiFollowUpTests : OrganisationTestBase
{
    [Fact]
    public async Task BrowserSealedFollowUp_IsStoredAsSentAndOpensForHandlerAndReporter()
    {
        using var reporter = new ReporterClient(App);
        var (token, keys) = await MailboxApiTests.SubmitAsync(reporter, "first");
        using var _ = token;
        using var __ = keys;
        var api = await new MailboxApiClient(reporter).LoadDoorAsync();
        var recipients = await RecipientsAsync(keys);
        var message = AgeFile.Encrypt(ReportDocument.Message("more details here", [new AttachmentInfo("photo.jpg", "image/jpeg", 11)]), recipients);
        var photo = AgeFile.Encrypt("photo bytes"u8, recipients);

        using var response = await api.MessageAsync(keys.AuthenticatorHex, message, [photo]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        await using var scope = App.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var record = await db.Cases.AsNoTracking().SingleAsync();
        Assert.Equal(1, record.UnreadReporterMessages);
        var entry = await db.CaseEntries.AsNoTracking().Include(e => e.Attachments).SingleAsync(e => e.Kind == EntryKind.ReporterMessage);
        Assert.True(entry.ReadableByReporter);
        Assert.Equal(message, entry.Sealed);
        var attachment = Assert.Single(entry.Attachments);
        var stored = await File.ReadAllBytesAsync(Path.Combine(App.Services.GetRequiredService<DataDirectory>().Attachments, attachment.FileName));
        Assert.Equal(photo, stored);
        Assert.Equal(photo.Length, attachment.SealedLength);

        using var handler = await StaffWorld.UnlockAsync(scope, StaffWorld.WhistleblowingHandler);
        Assert.Contains("more details here", Encoding.UTF8.GetString(AgeFile.Decrypt(entry.Sealed!, handler.IdentitiesFor(record.ChannelId).ToList())), StringComparison.Ordinal);

        // Without JavaScript the same mailbox shows it, opened on the server with the token.
        var (_, page) = await reporter.OpenMailboxAsync(token.ToString());
        Assert.Contains("more details here", page.QuerySelector(".thread")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("photo.jpg", page.QuerySelectorAll(".attachments a")[^1].TextContent);
    }

    [Theory]
    [InlineData("message", "one-recipient")]
    [InlineData("message", "armored")]
    [InlineData("message", "not-age")]
    [InlineData("message", "missing")]
    [InlineData("attachment", "one-recipient")]
    [InlineData("attachment", "not-age")]
    public async Task MalformedCiphertext_IsRefusedWithAClearError_AndNothingIsStored(string part, string kind)
    {
        using var reporter = new ReporterClient(App);
        var (token, keys) = await MailboxApiTests.SubmitAsync(reporter, "first");
        using var _ = token;
        using var __ = keys;
        var api = await new MailboxApiClient(reporter).LoadDoorAsync("/en/mailbox");
        var recipients = await RecipientsAsync(keys);
        var plain = "{\"format\":\"intake.message/v1\",\"text\":\"plain canary\",\"attachments\":[]}"u8.ToArray();
        var bad = kind switch
        {
            "one-recipient" => AgeFile.Encrypt(plain, [keys.Recipient]),
            "armored" => AgeFile.Encrypt(plain, recipients, armor: true),
            "missing" => [],
            _ => plain,
        };
        var good = AgeFile.Encrypt(plain, recipients);
        var before = AttachmentFiles();

        using var response = part == "message"
            ? await SendAsync(api, keys.AuthenticatorHex, kind == "missing" ? null : bad, [])
            : await SendAsync(api, keys.AuthenticatorHex, good, [good, bad]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(part == "message" ? "The message was not properly encrypted and was not accepted." : "The file was not properly encrypted and was not accepted.",
            error.GetProperty("message").GetString());
        if (part == "attachment")
        {
            Assert.Equal(1, error.GetProperty("index").GetInt32());
            Assert.Equal("attachments", error.GetProperty("field").GetString());
        }

        await AssertNothingStoredAsync(before);
    }

    [Fact]
    public async Task FollowUp_ForAnUnknownMailbox_IsNotRead()
    {
        using var reporter = new ReporterClient(App);
        var (token, keys) = await MailboxApiTests.SubmitAsync(reporter, "first");
        using var _ = token;
        using var __ = keys;
        var api = await new MailboxApiClient(reporter).LoadDoorAsync();
        var recipients = await RecipientsAsync(keys);
        var before = AttachmentFiles();

        using var response = await api.MessageAsync(new string('c', 64), AgeFile.Encrypt("{}"u8, recipients), [AgeFile.Encrypt("x"u8, recipients)]);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await AssertNothingStoredAsync(before);
    }

    [Fact]
    public async Task FollowUp_WithAStaleAntiforgeryToken_IsRefused()
    {
        using var reporter = new ReporterClient(App);
        var (token, keys) = await MailboxApiTests.SubmitAsync(reporter, "first");
        using var _ = token;
        using var __ = keys;
        var api = await new MailboxApiClient(reporter).LoadDoorAsync("/en/mailbox");
        var recipients = await RecipientsAsync(keys);
        var before = AttachmentFiles();

        using var response = await api.MessageAsync(keys.AuthenticatorHex, AgeFile.Encrypt("{}"u8, recipients), [AgeFile.Encrypt("x"u8, recipients)], antiforgery: "stale");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingStoredAsync(before);
    }

    [Fact]
    public async Task MeetingRequest_IsRecorded()
    {
        using var reporter = new ReporterClient(App);
        var (token, keys) = await MailboxApiTests.SubmitAsync(reporter, "meet");
        using var _ = token;
        using var __ = keys;
        var api = await new MailboxApiClient(reporter).LoadDoorAsync();

        using var response = await api.MeetingAsync(keys.AuthenticatorHex);
        using var thread = await api.ThreadAsync(keys.AuthenticatorHex);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await thread.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("meetingRequested").GetBoolean());
        Assert.Equal("meetingRequest", json.RootElement.GetProperty("entries").EnumerateArray().Last().GetProperty("kind").GetString());
        await using var scope = App.CreateScope();
        Assert.Equal(1, (await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.SingleAsync()).UnreadReporterMessages);
    }

    private async Task<IReadOnlyCollection<IRecipient>> RecipientsAsync(MailboxKeys keys)
    {
        await using var scope = App.CreateScope();
        var channel = await StaffWorld.ChannelAsync(scope, ChannelCodes.Whistleblowing);
        return [AgeKeys.ParseRecipient(await scope.ServiceProvider.GetRequiredService<ChannelKeys>().CurrentRecipientAsync(channel.Id)), keys.Recipient];
    }

    private static async Task<HttpResponseMessage> SendAsync(MailboxApiClient api, string lookupId, byte[]? message, IReadOnlyList<byte[]> attachments)
    {
        if (message is not null)
        {
            return await api.MessageAsync(lookupId, message, attachments);
        }

        var content = new MultipartFormDataContent { { new StringContent(api.Antiforgery), "__RequestVerificationToken" } };
        return await api.PostAsync("/en/mailbox/api/messages", lookupId, content);
    }

    private string[] AttachmentFiles() => Directory.GetFiles(App.Services.GetRequiredService<DataDirectory>().Attachments);

    private async Task AssertNothingStoredAsync(string[] before)
    {
        await using var scope = App.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        Assert.False(await db.CaseEntries.AnyAsync(e => e.Kind == EntryKind.ReporterMessage));
        Assert.Equal(0, (await db.Cases.SingleAsync()).UnreadReporterMessages);
        Assert.Equal(before.Order(), AttachmentFiles().Order());
    }
}
