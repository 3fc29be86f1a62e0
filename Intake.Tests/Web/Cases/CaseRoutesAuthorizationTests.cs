using System.Net;
using System.Reflection;
using Intake.Tests.Infrastructure;
using Intake.Web.Storage;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Cases;

/// <summary>
/// "By any URL": every page the application routes under <c>/Staff/Cases/{id}</c>, found from its own endpoint
/// table rather than a hand-kept list, with GET and every POST handler its page model declares, is tried on a
/// whistleblowing case by the threats handler, the administrator and the statistics role. Each answer must be 404, exactly as for a
/// case that does not exist, and nothing may change or be recorded.
/// </summary>
public sealed class CaseRoutesAuthorizationTests : CaseTestBase
{
    [Fact]
    public async Task EveryCaseRoute_AnswersNotFound_ToOtherChannelsHandlerAndAdministrator()
    {
        var (caseId, _) = await SubmitWhistleblowingAsync("routes-" + Guid.NewGuid().ToString("N"), [("evidence.txt", "x"u8.ToArray())]);
        Guid attachmentId;
        await using (var scope = App.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            attachmentId = await db.CaseAttachments.Where(a => db.CaseEntries.Any(e => e.Id == a.EntryId && e.CaseId == caseId)).Select(a => a.Id).FirstAsync();
        }

        var routes = CaseRoutes();
        Assert.Contains(routes, r => r.Template.EndsWith("{id:guid}", StringComparison.Ordinal));
        Assert.Contains(routes, r => r.Template.Contains("/Export", StringComparison.Ordinal));
        Assert.Contains(routes, r => r.Handlers.Contains(("Get", "Attachment")));
        var before = await SnapshotAsync(caseId);

        foreach (var username in new[] { StaffWorld.ThreatHandler, StaffWorld.AdminName, StaffWorld.StatisticsUser })
        {
            using var client = await SignInAsync(username);
            var token = await AntiforgeryTokenAsync(client);
            foreach (var (template, handlers) in routes)
            {
                var path = "/" + template.Replace("{id:guid}", caseId.ToString(), StringComparison.Ordinal);
                foreach (var handler in handlers.Where(h => h.Verb == "Get"))
                {
                    var target = handler.Name.Length == 0 ? path : $"{path}?handler={handler.Name}&attachmentId={attachmentId}";
                    using var get = await client.Http.GetAsync(new Uri(target, UriKind.Relative));
                    Assert.True(get.StatusCode == HttpStatusCode.NotFound, $"{username} GET {target}: {(int)get.StatusCode}");
                }

                foreach (var handler in handlers.Where(h => h.Verb == "Post").Select(h => h.Name))
                {
                    using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
                    var target = handler.Length == 0 ? path : $"{path}?handler={handler}";
                    using var post = await client.Http.PostAsync(new Uri(target, UriKind.Relative), content);
                    Assert.True(post.StatusCode == HttpStatusCode.NotFound, $"{username} POST {target}: {(int)post.StatusCode}");
                }
            }
        }

        Assert.Equal(before, await SnapshotAsync(caseId));
    }

    /// <summary>Route templates under Staff/Cases/{id:guid} with the GET and POST handlers of their page models.</summary>
    private List<(string Template, IReadOnlyList<(string Verb, string Name)> Handlers)> CaseRoutes()
    {
        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var pageModels = typeof(Intake.Web.Hosting.IntakeServices).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(PageModel)) && t.Namespace == "Intake.Web.Pages.Staff.Cases")
            .ToDictionary(t => t.Name[..^"Model".Length], StringComparer.Ordinal);
        var routes = new List<(string, IReadOnlyList<(string, string)>)>();
        foreach (var endpoint in endpoints)
        {
            var template = endpoint.RoutePattern.RawText ?? string.Empty;
            if (!template.StartsWith("Staff/Cases/{id:guid}", StringComparison.OrdinalIgnoreCase) || routes.Any(r => r.Item1 == template))
            {
                continue;
            }

            var page = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>()!;
            var model = pageModels[page.ViewEnginePath.Split('/')[^1]];
            var handlers = model.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.Name.StartsWith("OnGet", StringComparison.Ordinal) || m.Name.StartsWith("OnPost", StringComparison.Ordinal))
                .Select(m => m.Name.StartsWith("OnGet", StringComparison.Ordinal)
                    ? ("Get", m.Name["OnGet".Length..].Replace("Async", string.Empty, StringComparison.Ordinal))
                    : ("Post", m.Name["OnPost".Length..].Replace("Async", string.Empty, StringComparison.Ordinal)))
                .Distinct()
                .ToList();
            routes.Add((template, handlers));
        }

        return routes;
    }

    private static async Task<string> AntiforgeryTokenAsync(StaffBrowserClient client)
    {
        using var account = await client.Http.GetAsync(new Uri("/Staff/Account", UriKind.Relative));
        var page = await Html.ParseAsync(account);
        return page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    private async Task<string> SnapshotAsync(Guid caseId)
    {
        await using var scope = App.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var record = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == caseId);
        var entries = await db.CaseEntries.CountAsync(e => e.CaseId == caseId);
        var audit = await db.AuditEntries.CountAsync(e => e.SubjectId == caseId);
        return $"{record.Status}|{record.AssigneeId}|{record.HandlerCategories}|{record.LegalHold}|{record.RegistryExportedOn}|{record.ClosedOn}|{record.UnreadReporterMessages}|{entries}|{audit}";
    }
}
