using System.Net;
using System.Text;
using Intake.Tests.Infrastructure;

namespace Intake.Tests.Web.Reporting;

/// <summary>
/// The receipt without JavaScript: it survives reloads (a phone that reloads the tab) until the reporter confirms
/// that they saved the code or ten minutes have passed, from the encrypted session cookie alone.
/// </summary>
public sealed class ReceiptTests : OrganisationTestBase
{
    [Fact]
    public async Task Receipt_SurvivesReloads_UntilTheCodeIsConfirmedSaved()
    {
        using var reporter = new ReporterClient(App);
        var (_, receipt) = await reporter.SubmitAsync("/report/whistleblowing", ReporterClient.MinimalWhistleblowing("reload"),
            [("one.txt", Encoding.UTF8.GetBytes("one")), ("two.txt", Encoding.UTF8.GetBytes("two"))]);
        var token = ReporterClient.TokenOn(receipt);
        var caseNumber = receipt.QuerySelector("#receipt-case")!.TextContent.Trim();

        var again = await reporter.ReloadReceiptAsync();

        Assert.Equal(token, ReporterClient.TokenOn(again));
        Assert.StartsWith("VB-", caseNumber, StringComparison.Ordinal);
        Assert.Equal(caseNumber, again.QuerySelector("#receipt-case")!.TextContent.Trim());
        Assert.Equal("2", again.QuerySelector("#receipt-files")!.TextContent.Trim());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", again.QuerySelector("#receipt-received")!.TextContent.Trim());
        Assert.Contains("/", again.QuerySelector("#receipt-address")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(again.QuerySelector("#receipt-look-again"));

        var (closed, page) = await reporter.CloseReceiptAsync(saved: true);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Null(page.QuerySelector("#mailbox-token"));
        Assert.Equal("Kvittot visas inte längre", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.DoesNotContain(token, (await reporter.ReloadReceiptAsync()).Body!.OuterHtml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Fel: ")]
    [InlineData("/en", "Error: ")]
    public async Task ClosingWithoutTickingSaved_IsRefusedAndKeepsTheCode(string prefix, string title)
    {
        using var reporter = new ReporterClient(App);
        var (_, receipt) = await reporter.SubmitAsync(prefix + "/report/whistleblowing", ReporterClient.MinimalWhistleblowing("unticked"));
        var token = ReporterClient.TokenOn(receipt);

        var (response, page) = await reporter.CloseReceiptAsync(saved: false, prefix);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.StartsWith(title, page.Title, StringComparison.Ordinal);
        Assert.Equal(token, ReporterClient.TokenOn(page));
        // The summary comes first in the page, before the receipt, and leads to the box to tick.
        var summary = page.QuerySelector("main #error-summary")!;
        Assert.Same(summary, page.QuerySelector("main")!.Children[0]);
        Assert.Equal("#receipt-saved", summary.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("true", page.QuerySelector("#receipt-saved")!.GetAttribute("aria-invalid"));
        Assert.Equal(token, ReporterClient.TokenOn(await reporter.ReloadReceiptAsync(prefix)));
    }

    [Fact]
    public async Task Receipt_IsGoneAfterTenMinutes()
    {
        using var reporter = new ReporterClient(App);
        var (_, receipt) = await reporter.SubmitAsync("/report/whistleblowing", ReporterClient.MinimalWhistleblowing("expiry"));
        var token = ReporterClient.TokenOn(receipt);

        App.Clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(token, ReporterClient.TokenOn(await reporter.ReloadReceiptAsync()));
        App.Clock.Advance(TimeSpan.FromMinutes(2));
        var later = await reporter.ReloadReceiptAsync();

        Assert.Null(later.QuerySelector("#mailbox-token"));
        Assert.DoesNotContain(token, later.Body!.OuterHtml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "kod-till-brevladan.txt", "Din kod till brevlådan")]
    [InlineData("/fi", "postilaatikon-koodi.txt", "Postilaatikkosi koodi")]
    public async Task Receipt_DownloadsAsATextFileWithTheCaseNumberCodeAndAddress(string prefix, string fileName, string heading)
    {
        using var reporter = new ReporterClient(App);
        var (_, receipt) = await reporter.SubmitAsync(prefix + "/report/whistleblowing", ReporterClient.MinimalWhistleblowing("download"));
        var token = ReporterClient.TokenOn(receipt);
        var caseNumber = receipt.QuerySelector("#receipt-case")!.TextContent.Trim();

        var (response, text) = await reporter.DownloadReceiptAsync(prefix);

        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.Contains(heading, text, StringComparison.Ordinal);
        Assert.Contains(token, text, StringComparison.Ordinal);
        Assert.Contains(caseNumber, text, StringComparison.Ordinal);
        Assert.Contains(receipt.QuerySelector("#receipt-address")!.TextContent.Trim() + "mailbox", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{", text, StringComparison.Ordinal);
    }
}
