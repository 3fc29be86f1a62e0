using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Intake.Tests.Infrastructure;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Reporting;

/// <summary>
/// Without JavaScript the language switch of a report form posts the form to the same form in the other language:
/// it comes back with what was typed, says so, names the files to choose again, and nothing is sent or kept.
/// </summary>
public sealed class ReportLanguageSwitchTests : OrganisationTestBase
{
    [Fact]
    public async Task FormPages_SwitchLanguageWithButtonsThatPostTheForm_OtherPagesWithLinks()
    {
        using var reporter = new ReporterClient(App);

        var form = await Html.ParseAsync(await reporter.Http.GetAsync(new Uri("/report/whistleblowing", UriKind.Relative)));
        var landing = await Html.ParseAsync(await reporter.Http.GetAsync(new Uri("/", UriKind.Relative)));

        var english = form.QuerySelector(".language-switch button[lang=en]")!;
        Assert.Equal("report-form", english.GetAttribute("form"));
        Assert.Equal("/en/report/whistleblowing?handler=Language", english.GetAttribute("formaction"));
        Assert.NotNull(form.QuerySelector("form#report-form.report-form"));
        // Enter in a field still sends the report: the first submit button of the form is a send button.
        Assert.Equal("report-form", form.QuerySelector("button[type=submit]")!.GetAttribute("form"));
        Assert.False(form.QuerySelector("button[type=submit]")!.HasAttribute("formaction"));
        Assert.Null(landing.QuerySelector(".language-switch button"));
        Assert.NotNull(landing.QuerySelector(".language-switch a[hreflang=en]"));
    }

    [Fact]
    public async Task Switching_ShowsTheFormInTheOtherLanguageWithWhatWasTyped_AndSendsNothing()
    {
        using var reporter = new ReporterClient(App);
        var canary = "typed-" + Guid.NewGuid().ToString("N");
        using var get = await reporter.Http.GetAsync(new Uri("/report/whistleblowing", UriKind.Relative));
        var form = await Html.ParseAsync(get);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("form.report-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent(form.QuerySelector("form.report-form input[name=formStamp]")!.GetAttribute("value")!), "formStamp" },
            { new StringContent("fraud"), "category" },
            { new StringContent(canary), "whatHappened" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("evidence"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "attachments", "evidence.pdf");

        using var response = await reporter.Http.PostAsync(new Uri("/en/report/whistleblowing?handler=Language", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(canary, page.QuerySelector("#f-whatHappened")!.TextContent.Trim());
        Assert.Equal("fraud", page.QuerySelector("#f-category option[selected]")!.GetAttribute("value"));
        var notice = page.QuerySelector("#language-kept")!;
        Assert.Contains("The language has been changed", notice.TextContent, StringComparison.Ordinal);
        Assert.Contains("evidence.pdf", notice.TextContent, StringComparison.Ordinal);
        Assert.Equal(form.QuerySelector("form.report-form input[name=formStamp]")!.GetAttribute("value"),
            page.QuerySelector("form.report-form input[name=formStamp]")!.GetAttribute("value"));
        await using var scope = App.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        Assert.Equal(0, await db.Cases.CountAsync());
        Assert.Empty(Directory.EnumerateFiles(scope.ServiceProvider.GetRequiredService<Intake.Web.Hosting.DataDirectory>().Attachments, "*", SearchOption.AllDirectories));
        Assert.DoesNotContain(canary, string.Join("\n", App.Logs.RenderAll()), StringComparison.Ordinal);
    }
}
