using Intake.Tests.Infrastructure;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Reporting;

/// <summary>
/// Issue 16, the forms: a name and contact typed while "anonymous" is chosen are not kept. The server discards
/// them before sealing, so the case handler finds them nowhere, not even behind "show name and contact".
/// </summary>
public sealed class IdentityChoiceTests : OrganisationTestBase
{
    [Theory]
    [InlineData("/report/whistleblowing", StaffWorld.WhistleblowingHandler)]
    [InlineData("/en/report/threat", StaffWorld.ThreatHandler)]
    public async Task AnonymousReport_WithANameTyped_KeepsNoNameOrContact(string path, string handlerName)
    {
        var name = "Name-" + Guid.NewGuid().ToString("N");
        var contact = "Contact-" + Guid.NewGuid().ToString("N");
        var fields = path.EndsWith("/threat", StringComparison.Ordinal)
            ? ReporterClient.MinimalThreat("threatened anonymously")
            : ReporterClient.MinimalWhistleblowing("reported anonymously");
        fields["identityMode"] = ["anonymous"];
        fields["name"] = [name];
        fields["contact"] = [contact];

        using (var reporter = new ReporterClient(App))
        {
            var (response, _) = await reporter.SubmitAsync(path, fields);
            Assert.EndsWith("/report/receipt", response.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        }

        Guid caseId;
        await using (var scope = App.CreateScope())
        {
            caseId = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.Select(c => c.Id).SingleAsync();
        }

        using var handler = new StaffBrowserClient(App);
        await handler.SignInAsync(handlerName);
        using var view = await handler.Http.GetAsync(new Uri($"/Staff/Cases/{caseId}", UriKind.Relative));
        var page = await Html.ParseAsync(view);
        Assert.NotNull(page.QuerySelector("#case-identity"));
        Assert.Null(page.QuerySelector("#case-identity form"));
        using var revealed = await handler.PostToHandlerAsync($"/Staff/Cases/{caseId}", "Reveal");
        var afterReveal = await revealed.Content.ReadAsStringAsync();
        foreach (var text in new[] { page.Body!.OuterHtml, afterReveal })
        {
            Assert.DoesNotContain(name, text, StringComparison.Ordinal);
            Assert.DoesNotContain(contact, text, StringComparison.Ordinal);
        }
    }
}
