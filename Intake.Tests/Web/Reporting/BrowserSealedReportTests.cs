using System.Net;
using System.Text;
using System.Text.Json;
using Intake.Crypto.Age;
using Intake.Crypto.Mailbox;
using Intake.Tests.Infrastructure;
using Intake.Web.Cases;
using Intake.Web.Hosting;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Reporting;

/// <summary>
/// The server side of sealing in the browser: what the page's script posts (docs/report-format.md) is built here
/// with Intake.Crypto, exactly as the script builds it with the age-encryption package.
/// </summary>
public sealed class BrowserSealedReportTests : OrganisationTestBase
{

    [Fact]
    public async Task BrowserSealedReport_IsStoredAsSentAndOpensWithTheMailboxToken()
    {
        using var reporter = new ReporterClient(App);
        using var token = MailboxToken.Generate();
        using var keys = token.DeriveKeys();
        var (form, recipient) = await FormAsync(reporter, "/report/whistleblowing");
        IReadOnlyCollection<IRecipient> recipients = [AgeKeys.ParseRecipient(recipient), keys.Recipient];
        var report = AgeFile.Encrypt(Encoding.UTF8.GetBytes("{\"format\":\"intake.report/v1\",\"channel\":\"whistleblowing\",\"language\":\"sv\",\"answers\":{\"whatHappened\":[\"browser canary\"]},\"attachments\":[{\"name\":\"a.txt\",\"type\":\"text/plain\",\"size\":5}]}"), recipients);
        var attachment = AgeFile.Encrypt("hello"u8, recipients);

        using var response = await PostAsync(reporter, "/report/whistleblowing", form, Convert.ToHexStringLower(keys.Verifier), keys.Recipient.ToString(),
            new() { ["category"] = ["fraud"], ["allowAcknowledgement"] = ["true"] }, report, [attachment]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("VB-", json.RootElement.GetProperty("caseNumber").GetString(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("intake.receipt", StringComparison.Ordinal)));

        await using var scope = App.CreateScope();
        var record = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.Include(c => c.Entries).ThenInclude(e => e.Attachments).SingleAsync();
        Assert.Equal(SealingMode.Browser, record.SealedBy);
        Assert.Equal("fraud", record.Category);
        Assert.Equal(report, record.Entries.Single(e => e.Kind == EntryKind.Report).Sealed);

        // The reporter's mailbox opens with the token the browser made; the server never saw it.
        var (_, page) = await reporter.OpenMailboxAsync(token.ToString());
        Assert.Contains("browser canary", page.QuerySelector(".thread")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("a.txt", page.QuerySelector(".attachments a")!.TextContent);
    }

    [Theory]
    [InlineData("one-recipient")]
    [InlineData("armored")]
    [InlineData("not-age")]
    [InlineData("x25519-recipients")]
    [InlineData("x25519-mailbox")]
    public async Task MalformedSealedReport_IsRefusedWithAClearError(string kind)
    {
        using var reporter = new ReporterClient(App);
        using var token = MailboxToken.Generate();
        using var keys = token.DeriveKeys();
        using var other = X25519Identity.Generate();
        var (form, recipient) = await FormAsync(reporter, "/en/report/whistleblowing");
        var plain = Encoding.UTF8.GetBytes("{}");
        var report = kind switch
        {
            "one-recipient" => AgeFile.Encrypt(plain, [keys.Recipient]),
            "armored" => AgeFile.Encrypt(plain, [AgeKeys.ParseRecipient(recipient), keys.Recipient], armor: true),
            // The channel's key is hybrid: X25519 stanzas (a key a future quantum computer breaks) are refused, and
            // so is an X25519 mailbox, whose follow-ups could not be sealed without mixing kinds.
            "x25519-recipients" => AgeFile.Encrypt(plain, [other.Recipient, keys.ClassicIdentity.Recipient]),
            "x25519-mailbox" => AgeFile.Encrypt(plain, [AgeKeys.ParseRecipient(recipient), keys.Recipient]),
            _ => plain,
        };
        var mailbox = kind.StartsWith("x25519", StringComparison.Ordinal) ? keys.ClassicIdentity.Recipient.ToString() : keys.Recipient.ToString();

        using var response = await PostAsync(reporter, "/en/report/whistleblowing", form, Convert.ToHexStringLower(keys.Verifier), mailbox,
            new() { ["category"] = ["fraud"] }, report, []);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(json.RootElement.GetProperty("errors").EnumerateArray(), e => !string.IsNullOrEmpty(e.GetProperty("message").GetString()));
        await using var scope = App.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.CountAsync());
    }

    [Fact]
    public async Task AsManyAttachmentsAsTheLimit_AreAccepted_TheSealedReportDoesNotTakeASlot()
    {
        using var reporter = new ReporterClient(App);
        using var token = MailboxToken.Generate();
        using var keys = token.DeriveKeys();
        var (form, recipient) = await FormAsync(reporter, "/report/whistleblowing");
        IReadOnlyCollection<IRecipient> recipients = [AgeKeys.ParseRecipient(recipient), keys.Recipient];
        var limit = App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Intake.Web.Reporting.Uploads.UploadOptions>>().Value.MaxFiles;
        var report = AgeFile.Encrypt(Encoding.UTF8.GetBytes("{\"format\":\"intake.report/v1\",\"channel\":\"whistleblowing\",\"language\":\"sv\",\"answers\":{},\"attachments\":[]}"), recipients);
        var attachments = Enumerable.Range(0, limit).Select(i => AgeFile.Encrypt(new[] { (byte)i }, recipients)).ToList();

        using var response = await PostAsync(reporter, "/report/whistleblowing", form, Convert.ToHexStringLower(keys.Verifier), keys.Recipient.ToString(),
            new() { ["category"] = ["fraud"], ["allowAcknowledgement"] = ["true"] }, report, [.. attachments]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var scope = App.CreateScope();
        Assert.Equal(limit, await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().CaseAttachments.CountAsync());
    }

    [Theory]
    [InlineData("/report/whistleblowing", "Brevlådekoden som sidan skapade används redan")]
    [InlineData("/en/report/whistleblowing", "The mailbox code the page made is already in use")]
    public async Task AReportReusingAnExistingMailbox_IsRefusedWithAClearError_AndLeavesNoFiles(string path, string message)
    {
        using var reporter = new ReporterClient(App);
        using var token = MailboxToken.Generate();
        using var keys = token.DeriveKeys();
        var (form, recipient) = await FormAsync(reporter, path);
        IReadOnlyCollection<IRecipient> recipients = [AgeKeys.ParseRecipient(recipient), keys.Recipient];
        var report = AgeFile.Encrypt(Encoding.UTF8.GetBytes("{\"format\":\"intake.report/v1\",\"channel\":\"whistleblowing\",\"language\":\"sv\",\"answers\":{\"whatHappened\":[\"first\"]},\"attachments\":[{\"name\":\"a.txt\",\"type\":\"text/plain\",\"size\":5}]}"), recipients);
        using (var first = await PostAsync(reporter, path, form, Convert.ToHexStringLower(keys.Verifier), keys.Recipient.ToString(),
            new() { ["category"] = ["fraud"], ["allowAcknowledgement"] = ["true"] }, report, [AgeFile.Encrypt("hello"u8, recipients)]))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var attachments = App.Services.GetRequiredService<DataDirectory>().Attachments;
        var stored = Directory.GetFiles(attachments).Order(StringComparer.Ordinal).ToList();

        // A replayed or forged submission with the same mailbox verifier, carrying files of its own.
        var (again, _) = await FormAsync(reporter, path);
        using var second = await PostAsync(reporter, path, again, Convert.ToHexStringLower(keys.Verifier), keys.Recipient.ToString(),
            new() { ["category"] = ["fraud"], ["allowAcknowledgement"] = ["true"] }, report, [AgeFile.Encrypt("other"u8, recipients), AgeFile.Encrypt("more"u8, recipients)]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        using var json = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        Assert.Contains(json.RootElement.GetProperty("errors").EnumerateArray(), e => e.GetProperty("message").GetString()!.Contains(message, StringComparison.Ordinal));
        await using var scope = App.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        Assert.Equal(1, await db.Cases.CountAsync());
        Assert.Equal(1, await db.CaseAttachments.CountAsync());
        Assert.Equal(stored, Directory.GetFiles(attachments).Order(StringComparer.Ordinal));

        // The mailbox still opens on the first report alone.
        var (_, mailbox) = await reporter.OpenMailboxAsync(token.ToString());
        Assert.Contains("first", mailbox.QuerySelector(".thread")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingTriageCode_IsRefused()
    {
        using var reporter = new ReporterClient(App);
        using var token = MailboxToken.Generate();
        using var keys = token.DeriveKeys();
        var (form, recipient) = await FormAsync(reporter, "/report/threat");
        var report = AgeFile.Encrypt("{}"u8, [AgeKeys.ParseRecipient(recipient), keys.Recipient]);

        using var response = await PostAsync(reporter, "/report/threat", form, Convert.ToHexStringLower(keys.Verifier), keys.Recipient.ToString(), new() { ["role"] = ["mayor"] }, report, []);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"role\"", body, StringComparison.Ordinal);
        Assert.Contains("\"types\"", body, StringComparison.Ordinal);
    }

    private static async Task<(AngleSharp.Dom.IDocument Form, string Recipient)> FormAsync(ReporterClient reporter, string path)
    {
        using var response = await reporter.Http.GetAsync(new Uri(path, UriKind.Relative));
        var page = await Html.ParseAsync(response);
        return (page, page.QuerySelector("form.report-form")!.GetAttribute("data-recipient")!);
    }

    private static async Task<HttpResponseMessage> PostAsync(
        ReporterClient reporter, string path, AngleSharp.Dom.IDocument page, string verifier, string recipient,
        Dictionary<string, string[]> clear, byte[] report, IReadOnlyList<byte[]> attachments)
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent(page.QuerySelector("form.report-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent("browser"), "sealingMode" },
            { new StringContent(verifier), "mailboxVerifier" },
            { new StringContent(recipient), "mailboxRecipient" },
            { new StringContent(attachments.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)), "attachmentCount" },
        };
        foreach (var (name, values) in clear)
        {
            foreach (var value in values)
            {
                content.Add(new StringContent(value), name);
            }
        }

        content.Add(new ByteArrayContent(report), "sealedReport", "report.age");
        for (var i = 0; i < attachments.Count; i++)
        {
            content.Add(new ByteArrayContent(attachments[i]), "sealedAttachments", $"{i}.age");
        }

        return await reporter.Http.PostAsync(new Uri(path, UriKind.Relative), content);
    }
}
