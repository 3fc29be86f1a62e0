using System.Net;
using System.Text;
using Intake.Crypto.Age;
using Intake.Crypto.Mailbox;
using Intake.Tests.Infrastructure;
using Intake.Tests.Web.Reporting;
using Intake.Web.Reporting;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Availability;

/// <summary>
/// Anyone with a mailbox can seal any bytes as a report or a follow-up: the server cannot read them when they
/// arrive. Each hostile document below, once sealed into a case, must leave the case page and the print view
/// working, the entry shown as one that could not be read, and the rest of the case readable.
/// </summary>
public sealed class HostileSealedDocumentTests : OrganisationTestBase
{
    private const string Valid = "{\"format\":\"intake.report/v1\",\"channel\":\"whistleblowing\",\"language\":\"sv\",\"answers\":{\"whatHappened\":[\"x\"]},\"attachments\":[]}";

    /// <summary>Report documents that break the schema, one per way of breaking it.</summary>
    public static TheoryData<string, string> HostileReports => new()
    {
        { "answers missing", "{\"format\":\"intake.report/v1\",\"channel\":\"whistleblowing\",\"language\":\"sv\",\"attachments\":[]}" },
        { "answers null", Valid.Replace("{\"whatHappened\":[\"x\"]}", "null", StringComparison.Ordinal) },
        { "answers an array", Valid.Replace("{\"whatHappened\":[\"x\"]}", "[]", StringComparison.Ordinal) },
        { "an answer null", Valid.Replace("[\"x\"]", "null", StringComparison.Ordinal) },
        { "an answer value null", Valid.Replace("[\"x\"]", "[null]", StringComparison.Ordinal) },
        { "an answer value a number", Valid.Replace("[\"x\"]", "[1]", StringComparison.Ordinal) },
        { "an answer a string", Valid.Replace("[\"x\"]", "\"x\"", StringComparison.Ordinal) },
        { "attachments missing", Valid.Replace(",\"attachments\":[]", string.Empty, StringComparison.Ordinal) },
        { "attachments null", Valid.Replace("\"attachments\":[]", "\"attachments\":null", StringComparison.Ordinal) },
        { "attachment entry null", Valid.Replace("\"attachments\":[]", "\"attachments\":[null]", StringComparison.Ordinal) },
        { "attachment name null", Valid.Replace("\"attachments\":[]", "\"attachments\":[{\"name\":null,\"type\":\"a\",\"size\":1}]", StringComparison.Ordinal) },
        { "attachment size a string", Valid.Replace("\"attachments\":[]", "\"attachments\":[{\"name\":\"a\",\"type\":\"a\",\"size\":\"1\"}]", StringComparison.Ordinal) },
        { "attachment size negative", Valid.Replace("\"attachments\":[]", "\"attachments\":[{\"name\":\"a\",\"type\":\"a\",\"size\":-1}]", StringComparison.Ordinal) },
        { "attachment size beyond any integer", Valid.Replace("\"attachments\":[]", "\"attachments\":[{\"name\":\"a\",\"type\":\"a\",\"size\":1e400}]", StringComparison.Ordinal) },
        { "huge attachments array", Valid.Replace("\"attachments\":[]", "\"attachments\":[" + string.Join(',', Enumerable.Repeat("{\"name\":\"a\",\"type\":\"a\",\"size\":1}", 5000)) + "]", StringComparison.Ordinal) },
        { "huge answers object", Valid.Replace("{\"whatHappened\":[\"x\"]}", "{" + string.Join(',', Enumerable.Range(0, 5000).Select(i => $"\"f{i}\":[\"x\"]")) + "}", StringComparison.Ordinal) },
        { "deep nesting", Valid.Replace("[\"x\"]", new string('[', 200) + new string(']', 200), StringComparison.Ordinal) },
        { "unknown member", Valid.Replace("{\"format\"", "{\"evil\":{\"x\":1},\"format\"", StringComparison.Ordinal) },
        { "unknown member in an attachment", Valid.Replace("\"attachments\":[]", "\"attachments\":[{\"name\":\"a\",\"type\":\"a\",\"size\":1,\"path\":\"/etc/passwd\"}]", StringComparison.Ordinal) },
        { "a member twice", Valid.Replace("{\"format\"", "{\"answers\":null,\"format\"", StringComparison.Ordinal) },
        { "wrong format", Valid.Replace("intake.report/v1", "intake.report/v9", StringComparison.Ordinal) },
        { "format a number", Valid.Replace("\"intake.report/v1\"", "1", StringComparison.Ordinal) },
        { "root an array", "[]" },
        { "root a string", "\"report\"" },
        { "root null", "null" },
        { "empty", string.Empty },
        { "not JSON", "report: yes" },
        { "truncated", Valid[..40] },
        { "trailing comma", Valid.Replace("]}", "],}", StringComparison.Ordinal) },
        { "comment", "/* x */" + Valid },
    };

    [Theory]
    [MemberData(nameof(HostileReports))]
    public async Task HostileReport_CasePageAndPrintShowItUnreadable_AndWork(string vector, string document)
    {
        using var reporter = new ReporterClient(App);
        using var response = await new BrowserSealingClient(reporter).SubmitSealedReportAsync(document);
        Assert.True(response.StatusCode == HttpStatusCode.OK, vector);
        var caseId = await CaseIdAsync();

        using var handler = new StaffBrowserClient(App);
        await handler.SignInAsync(StaffWorld.WhistleblowingHandler);
        await AssertUnreadableShownAsync(handler, caseId, expectedCanary: null);
    }

    [Theory]
    [MemberData(nameof(HostileReports))]
    public async Task HostileFollowUp_LeavesTheReportReadable(string vector, string document)
    {
        var message = document.Replace("intake.report/v1", "intake.message/v1", StringComparison.Ordinal);
        using var reporter = new ReporterClient(App);
        var (token, keys) = await MailboxApiTests.SubmitAsync(reporter, "the report canary");
        using var _ = token;
        using var __ = keys;
        var api = await new MailboxApiClient(reporter).LoadDoorAsync();
        var recipients = await RecipientsAsync(keys);

        using var sent = await api.MessageAsync(keys.AuthenticatorHex, AgeFile.Encrypt(Encoding.UTF8.GetBytes(message), recipients), []);
        Assert.True(sent.StatusCode == HttpStatusCode.OK, vector);

        using var handler = new StaffBrowserClient(App);
        await handler.SignInAsync(StaffWorld.WhistleblowingHandler);
        await AssertUnreadableShownAsync(handler, await CaseIdAsync(), expectedCanary: "the report canary");

        // The reporter's own mailbox still opens, with the follow-up shown as unreadable.
        var (open, page) = await reporter.OpenMailboxAsync(token.ToString());
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Contains("the report canary", page.QuerySelector(".thread")!.TextContent, StringComparison.Ordinal);
    }

    private static async Task AssertUnreadableShownAsync(StaffBrowserClient handler, Guid caseId, string? expectedCanary)
    {
        foreach (var path in new[] { $"/en/Staff/Cases/{caseId}", $"/en/Staff/Cases/{caseId}/Print" })
        {
            using var page = await handler.Http.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var text = (await Html.ParseAsync(page)).Body!.TextContent;
            Assert.Contains("This could not be read", text, StringComparison.Ordinal);
            if (expectedCanary is not null)
            {
                Assert.Contains(expectedCanary, text, StringComparison.Ordinal);
            }
        }
    }

    private async Task<Guid> CaseIdAsync()
    {
        await using var scope = App.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.Select(c => c.Id).SingleAsync();
    }

    private async Task<IReadOnlyCollection<IRecipient>> RecipientsAsync(MailboxKeys keys)
    {
        await using var scope = App.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var record = await db.Cases.AsNoTracking().SingleAsync();
        var channel = await db.ChannelKeys.AsNoTracking().Where(k => k.ChannelId == record.ChannelId).OrderByDescending(k => k.Version).Select(k => k.Recipient).FirstAsync();
        return [AgeKeys.ParseRecipient(channel), keys.Recipient];
    }
}
