using System.Net;
using System.Text;
using Intake.Tests.Infrastructure;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Cases;

/// <summary>
/// A case exists only for the handlers of its channel: the other channel's handler and the administrator get the
/// same 404 as for a case that does not exist, for the page, the downloads and every form, and leave no trace.
/// </summary>
public sealed class CaseAccessTests : CaseTestBase
{
    private static readonly (string Handler, (string, string)[] Fields)[] _posts =
    [
        ("Reveal", []),
        ("Reply", [("ReplyText", "intruder"), ("ReplyPurpose", "Acknowledgement")]),
        ("Note", [("NoteText", "intruder")]),
        ("Status", [("NewStatus", "Closed"), ("Outcome", "withdrawn")]),
        ("Assign", [("AssigneeId", "")]),
        ("Categories", [("Categories", "bribery")]),
        ("Triage", [("Triage.WorkEnvironmentReportNeeded", "true")]),
    ];

    [Theory]
    [InlineData(StaffWorld.ThreatHandler)]
    [InlineData(StaffWorld.AdminName)]
    public async Task Outsiders_GetNotFound_ForEverything(string outsider)
    {
        var (caseId, _) = await SubmitWhistleblowingAsync("secret report", [("doc.txt", Encoding.UTF8.GetBytes("doc"))]);
        Guid attachmentId;
        await using (var scope = App.CreateScope())
        {
            attachmentId = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().CaseAttachments.Select(a => a.Id).SingleAsync();
        }

        var before = await RecordAsync(caseId);
        var auditBefore = (await AuditOfAsync(caseId)).Count;
        using var client = await SignInAsync(outsider);

        foreach (var id in new[] { caseId, Guid.NewGuid() })
        {
            var (page, body) = await GetAsync(client, $"/Staff/Cases/{id}");
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.DoesNotContain("secret report", body.DocumentElement.OuterHtml, StringComparison.Ordinal);
            using var download = await client.Http.GetAsync(new Uri($"/Staff/Cases/{id}?handler=Attachment&attachmentId={attachmentId}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
            foreach (var (handler, fields) in _posts)
            {
                var (response, _) = await PostAsync(client, id, handler, fields);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{outsider} {handler}: {(int)response.StatusCode}");
            }
        }

        var after = await RecordAsync(caseId);
        Assert.Equal(before.Status, after.Status);
        Assert.Null(after.ClosedOn);
        Assert.Null(after.HandlerCategories);
        Assert.False(after.WorkEnvironmentReportNeeded);
        Assert.Equal(auditBefore, (await AuditOfAsync(caseId)).Count);
        await using var check = App.CreateScope();
        Assert.Equal(2, await check.ServiceProvider.GetRequiredService<IntakeDbContext>().CaseEntries.CountAsync(e => e.CaseId == caseId));
    }

    [Fact]
    public async Task Handler_GetsNotFound_ForAnUnknownCase()
    {
        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);

        var (response, _) = await GetAsync(handler, $"/Staff/Cases/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        var (caseId, _) = await SubmitWhistleblowingAsync("anonymous visitor");
        using var client = new StaffBrowserClient(App);

        var (response, _) = await GetAsync(client, $"/Staff/Cases/{caseId}");

        Assert.Equal("/Staff/SignIn", response.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefused()
    {
        var (caseId, _) = await SubmitWhistleblowingAsync("csrf");
        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["NoteText"] = "forged" });

        using var response = await handler.Http.PostAsync(new Uri($"/Staff/Cases/{caseId}?handler=Note", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(await AuditOfAsync(caseId), e => e.Kind == Intake.Web.Audit.AuditKinds.CaseNoted);
    }
}
