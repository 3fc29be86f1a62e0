using System.Net;
using System.Text;
using System.Text.Json;
using Intake.Crypto.Age;
using Intake.Crypto.Mailbox;
using Intake.Tests.Infrastructure;
using Intake.Web.Cases;
using Intake.Web.Hosting;
using Intake.Web.Keys;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Reporting;

/// <summary>
/// The mailbox API the page's script reads with JavaScript on: the thread and attachments as ciphertext, opened
/// only with the keys derived from the token, behind the lookup id, the rate limit and one answer for every id
/// that opens nothing.
/// </summary>
public sealed class MailboxApiTests : OrganisationTestBase
{
    [Fact]
    public async Task Thread_IsCiphertextThatOpensWithTheMailboxKeys()
    {
        using var reporter = new ReporterClient(App);
        var canary = "canary-" + Guid.NewGuid().ToString("N");
        var (token, keys) = await SubmitAsync(reporter, canary, ("notes.txt", Encoding.UTF8.GetBytes("file " + canary)));
        using var _ = token;
        using var __ = keys;
        await ReplyAsync("Thank you, we are looking into it.", "internal only");
        var api = await new MailboxApiClient(reporter).LoadDoorAsync();

        using var response = await api.ThreadAsync(keys.AuthenticatorHex);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(canary, body, StringComparison.Ordinal);
        Assert.DoesNotContain("notes.txt", body, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.StartsWith("VB-", root.GetProperty("caseNumber").GetString(), StringComparison.Ordinal);
        Assert.Equal("received", root.GetProperty("status").GetString());
        Assert.Equal("whistleblowing", root.GetProperty("channel").GetString());
        Assert.False(root.GetProperty("meetingRequested").GetBoolean());
        await using (var scope = App.CreateScope())
        {
            var channel = await StaffWorld.ChannelAsync(scope, ChannelCodes.Whistleblowing);
            Assert.Equal(await scope.ServiceProvider.GetRequiredService<ChannelKeys>().CurrentRecipientAsync(channel.Id), root.GetProperty("channelRecipient").GetString());
        }

        var entries = root.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["report", "receiptConfirmation", "handlerMessage"], entries.Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal([1, 2, 3], entries.Select(e => e.GetProperty("number").GetInt32()));
        var report = Open(entries[0], keys);
        Assert.Contains(canary, report, StringComparison.Ordinal);
        Assert.Contains("notes.txt", report, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, entries[1].GetProperty("sealed").ValueKind);
        Assert.Contains("Thank you, we are looking into it.", Open(entries[2], keys), StringComparison.Ordinal);
        Assert.DoesNotContain("internal only", body, StringComparison.Ordinal);
        var attachment = Assert.Single(entries[0].GetProperty("attachments").EnumerateArray());
        Assert.Equal(0, attachment.GetProperty("index").GetInt32());
        Assert.True(attachment.GetProperty("sealedSize").GetInt64() > 0);
    }

    [Fact]
    public async Task Attachment_IsTheStoredAgeFile_AndOnlyThisCasesFilesOpen()
    {
        using var reporter = new ReporterClient(App);
        var (token, keys) = await SubmitAsync(reporter, "mine", ("a.bin", [1, 2, 3, 4]));
        using var second = new ReporterClient(App);
        var (otherToken, otherKeys) = await SubmitAsync(second, "theirs", ("b.bin", [9, 9]));
        using var _ = token;
        using var __ = keys;
        using var ___ = otherToken;
        using var ____ = otherKeys;
        var api = await new MailboxApiClient(reporter).LoadDoorAsync();
        var mine = await AttachmentIdAsync(api, keys);
        var theirs = await AttachmentIdAsync(api, otherKeys);

        using var download = await api.AttachmentAsync(keys.AuthenticatorHex, mine);
        using var foreign = await api.AttachmentAsync(keys.AuthenticatorHex, theirs);
        using var unknown = await api.AttachmentAsync(keys.AuthenticatorHex, Guid.NewGuid());
        using var unknownCase = await api.ThreadAsync(new string('a', 64));

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.True(download.Headers.CacheControl?.NoStore);
        Assert.Equal("application/octet-stream", download.Content.Headers.ContentType?.MediaType);
        var sealedBytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal([1, 2, 3, 4], AgeFile.Decrypt(sealedBytes, [keys.Identity]));
        var data = App.Services.GetRequiredService<DataDirectory>();
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(data.Attachments, $"{mine:N}.age")), sealedBytes);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(await unknownCase.Content.ReadAsStringAsync(), await foreign.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/mailbox/api/thread")]
    [InlineData("/mailbox/api/meeting")]
    [InlineData("/mailbox/api/messages")]
    [InlineData("/mailbox/api/attachments/00000000-0000-0000-0000-000000000001")]
    public async Task UnknownAndMalformedLookupIds_GetOneAnswer(string path)
    {
        using var reporter = new ReporterClient(App);
        var api = await new MailboxApiClient(reporter).LoadDoorAsync();
        using var other = MailboxToken.Generate();
        using var otherKeys = other.DeriveKeys();

        var answers = new List<(HttpStatusCode Status, string Body)>();
        foreach (var authenticator in new[] { otherKeys.AuthenticatorHex, otherKeys.AuthenticatorHex.ToUpperInvariant(), "not-hex", otherKeys.AuthenticatorHex[..63], null })
        {
            using var response = await api.PostAsync(path, authenticator);
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NotFound, a.Status));
        Assert.Single(answers.Select(a => a.Body).Distinct());
        Assert.StartsWith("No mailbox opened with that code", ErrorOf(await EnglishNotFoundAsync(api, otherKeys.AuthenticatorHex)), StringComparison.Ordinal);
        Assert.StartsWith("Ingen brevlåda", ErrorOf(answers[0].Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedAttempts_AreLimitedWithAMessage_WhileTheRightIdStillOpens()
    {
        using var reporter = new ReporterClient(App);
        var (token, keys) = await SubmitAsync(reporter, "busy");
        using var _ = token;
        using var __ = keys;
        var api = await new MailboxApiClient(reporter).LoadDoorAsync();
        using var other = MailboxToken.Generate();
        using var otherKeys = other.DeriveKeys();

        // Batches at once, so that the failures outrun the bucket's refill however slow the machine.
        var answers = new List<(HttpStatusCode Status, string Body)>();
        for (var round = 0; round < 8 && !answers.Any(a => a.Status == HttpStatusCode.TooManyRequests); round++)
        {
            answers.AddRange(await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
            {
                using var response = await api.ThreadAsync(otherKeys.AuthenticatorHex);
                return (response.StatusCode, await response.Content.ReadAsStringAsync());
            })));
        }

        var statuses = answers.Select(a => a.Status).ToList();
        var refusal = answers.FirstOrDefault(a => a.Status == HttpStatusCode.TooManyRequests).Body;
        using var right = await api.ThreadAsync(keys.AuthenticatorHex);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Contains("för många försök", ErrorOf(refusal!), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task WithoutAntiforgeryToken_NothingOpens()
    {
        using var reporter = new ReporterClient(App);
        var (token, keys) = await SubmitAsync(reporter, "forged");
        using var _ = token;
        using var __ = keys;
        var api = await new MailboxApiClient(reporter).LoadDoorAsync();

        using var response = await api.PostAsync("/mailbox/api/thread", keys.AuthenticatorHex, antiforgery: "forged");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("caseNumber", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookupIds_AreNeverLogged()
    {
        using var reporter = new ReporterClient(App);
        var (token, keys) = await SubmitAsync(reporter, "logs", ("a.bin", [1]));
        using var _ = token;
        using var __ = keys;
        var api = await new MailboxApiClient(reporter).LoadDoorAsync();

        using var thread = await api.ThreadAsync(keys.AuthenticatorHex);
        using var attachment = await api.AttachmentAsync(keys.AuthenticatorHex, await AttachmentIdAsync(api, keys));
        using var unknown = await api.ThreadAsync(new string('b', 64));

        // Reporter routes are not request-logged at all (ReporterRoutes); the log itself is not empty.
        var logs = string.Join("\n", App.Logs.RenderAll());
        Assert.NotEmpty(App.Logs.RenderAll());
        Assert.DoesNotContain("/mailbox/api/thread", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(keys.AuthenticatorHex, logs, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(keys.LookupIdHex, logs, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(new string('b', 64), logs, StringComparison.Ordinal);
    }

    internal static async Task<(MailboxToken Token, MailboxKeys Keys)> SubmitAsync(ReporterClient reporter, string text, params (string Name, byte[] Content)[] files)
    {
        var (_, receipt) = await reporter.SubmitAsync("/report/whistleblowing", ReporterClient.MinimalWhistleblowing(text), files);
        Assert.Equal(MailboxTokenParseStatus.Ok, MailboxToken.TryParse(ReporterClient.TokenOn(receipt), out var token));
        return (token!, token!.DeriveKeys());
    }

    /// <summary>The message of the one error in an API answer.</summary>
    internal static string ErrorOf(string body)
    {
        using var json = JsonDocument.Parse(body);
        return Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray()).GetProperty("message").GetString()!;
    }

    internal static string Open(JsonElement entry, MailboxKeys keys) =>
        Encoding.UTF8.GetString(AgeFile.Decrypt(Convert.FromBase64String(entry.GetProperty("sealed").GetString()!), [keys.Identity]));

    private async Task ReplyAsync(string reply, string note)
    {
        await using var scope = App.CreateScope();
        var record = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.SingleAsync();
        using var handler = await StaffWorld.UnlockAsync(scope, StaffWorld.WhistleblowingHandler);
        await HandlerWrites.ReplyAsync(scope, record.Id, handler, reply);
        await HandlerWrites.NoteAsync(scope, record.Id, handler, note);
    }

    private static async Task<Guid> AttachmentIdAsync(MailboxApiClient api, MailboxKeys keys)
    {
        using var response = await api.ThreadAsync(keys.AuthenticatorHex);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("entries")[0].GetProperty("attachments")[0].GetProperty("id").GetGuid();
    }

    private static async Task<string> EnglishNotFoundAsync(MailboxApiClient api, string authenticator)
    {
        using var response = await api.PostAsync("/en/mailbox/api/thread", authenticator);
        return await response.Content.ReadAsStringAsync();
    }
}
