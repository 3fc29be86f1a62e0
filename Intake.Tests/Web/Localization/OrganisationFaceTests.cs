using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Intake.Tests.Infrastructure;
using Intake.Web.Audit;
using Microsoft.EntityFrameworkCore;

namespace Intake.Tests.Web.Localization;

/// <summary>The municipality's face: its name on every page, its contact text and address on the receipt, its logo.</summary>
public sealed class OrganisationFaceTests : OrganisationTestBase
{
    // A 1×1 PNG carrying a text chunk, where metadata (or a payload) would hide.
    private const string PngWithText =
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAF3RFWHRDb21tZW50AHBuZy1jYW5hcnktNDcxMVwHwT8AAAANSURBVHjaY2T4z1APAAOGAYBaNH1rAAAAAElFTkSuQmCC";

    [Theory]
    [InlineData("/")]
    [InlineData("/en/")]
    [InlineData("/fi/")]
    [InlineData("/fi/mailbox")]
    public async Task OrganisationName_IsInTheTitleAndHeader_OfEveryLanguage(string path)
    {
        using var client = App.CreateClient();
        var page = await Html.ParseAsync(await client.GetAsync(new Uri(path, UriKind.Relative)));

        Assert.EndsWith("Exempelby kommun", page.Title, StringComparison.Ordinal);
        Assert.Equal("Exempelby kommun", page.QuerySelector("a.site-name")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("/report/whistleblowing", "Kontakta säkerhetsenheten.", "http://localhost/")]
    [InlineData("/en/report/whistleblowing", "Contact the security unit.", "http://localhost/en/")]
    [InlineData("/fi/report/whistleblowing", "Kontakta säkerhetsenheten.", "http://localhost/fi/")]
    public async Task Receipt_CarriesTheContactTextAndTheServiceAddress(string form, string contact, string address)
    {
        using var reporter = new ReporterClient(App);

        var (_, receipt) = await reporter.SubmitAsync(form, ReporterClient.MinimalWhistleblowing("face-" + Guid.NewGuid()));

        Assert.Equal(contact, receipt.QuerySelector("#receipt-contact")?.TextContent.Trim());
        Assert.Equal(address, receipt.QuerySelector("#receipt-address")?.TextContent.Trim());
        Assert.Equal(contact, receipt.QuerySelector("#site-contact")?.TextContent.Trim());
    }

    [Fact]
    public async Task Administrator_NamesTheOrganisationInFinnish_AndTheChangeIsAudited()
    {
        using var admin = new StaffBrowserClient(App);
        await admin.SignInAsync(StaffWorld.AdminName);

        var saved = await admin.SubmitAsync("/Staff/Admin/Organisation", new()
        {
            ["Name[sv]"] = "Exempelby kommun",
            ["Name[fi]"] = "Exempelbyn kunta",
            ["Contact[fi]"] = "Kysy turvallisuusyksiköltä.",
        }, "form[action*=Texts]");

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        using var anonymous = App.CreateClient();
        var finnish = await Html.ParseAsync(await anonymous.GetAsync(new Uri("/fi/", UriKind.Relative)));
        Assert.EndsWith("Exempelbyn kunta", finnish.Title, StringComparison.Ordinal);
        Assert.Equal("Kysy turvallisuusyksiköltä.", finnish.QuerySelector("#site-contact")?.TextContent.Trim());
        var english = await Html.ParseAsync(await anonymous.GetAsync(new Uri("/en/", UriKind.Relative)));
        Assert.EndsWith("Exempelby kommun", english.Title, StringComparison.Ordinal);
        Assert.Contains(AuditKinds.OrganisationTextsChanged, await AuditKindsAsync());
    }

    [Fact]
    public async Task Administrator_CannotRemoveTheNameInTheDefaultLanguage()
    {
        using var admin = new StaffBrowserClient(App);
        await admin.SignInAsync(StaffWorld.AdminName);

        var refused = await admin.SubmitAsync("/Staff/Admin/Organisation", new() { ["Name[sv]"] = " " }, "form[action*=Texts]");

        var page = await Html.ParseAsync(refused);
        Assert.Contains("Svenska", page.QuerySelector("#organisation-error")?.TextContent, StringComparison.Ordinal);
        using var anonymous = App.CreateClient();
        Assert.EndsWith("Exempelby kommun", (await Html.ParseAsync(await anonymous.GetAsync(new Uri("/", UriKind.Relative)))).Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PngLogo_IsStrippedOfMetadata_AndShownInTheHeader()
    {
        var (response, _) = await UploadLogoAsync(Convert.FromBase64String(PngWithText), "logo.png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var anonymous = App.CreateClient();
        var landing = await Html.ParseAsync(await anonymous.GetAsync(new Uri("/fi/", UriKind.Relative)));
        var src = landing.QuerySelector("a.site-name img.site-logo")?.GetAttribute("src");
        Assert.StartsWith("/fi/logo/", src, StringComparison.Ordinal);
        using var logo = await anonymous.GetAsync(new Uri(src!, UriKind.Relative));
        Assert.Equal("image/png", logo.Content.Headers.ContentType?.MediaType);
        var bytes = await logo.Content.ReadAsByteArrayAsync();
        Assert.DoesNotContain("png-canary-4711", Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        Assert.Contains("IDAT", Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        Assert.Contains(AuditKinds.OrganisationLogoChanged, await AuditKindsAsync());
    }

    [Fact]
    public async Task SvgLogo_LosesScriptsHandlersAndOutsideReferences_AndIsServedSandboxed()
    {
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" onload="alert(1)">
              <script>alert(2)</script>
              <style>rect { fill: url(https://tracker.example/x) }</style>
              <defs><linearGradient id="g"><stop offset="0" stop-color="#00f"/></linearGradient></defs>
              <rect width="10" height="10" fill="url(#g)" onclick="alert(3)"/>
              <use xlink:href="https://evil.example/sprite.svg#a"/>
              <image href="https://tracker.example/pixel.png"/>
              <foreignObject><div xmlns="http://www.w3.org/1999/xhtml">hi</div></foreignObject>
              <a href="javascript:alert(4)"><circle r="2" fill="red"/></a>
            </svg>
            """;

        await UploadLogoAsync(Encoding.UTF8.GetBytes(svg), "logo.svg");

        using var anonymous = App.CreateClient();
        var src = (await Html.ParseAsync(await anonymous.GetAsync(new Uri("/", UriKind.Relative)))).QuerySelector("img.site-logo")!.GetAttribute("src")!;
        using var logo = await anonymous.GetAsync(new Uri(src, UriKind.Relative));
        var served = await logo.Content.ReadAsStringAsync();
        Assert.Equal("image/svg+xml", logo.Content.Headers.ContentType?.MediaType);
        Assert.Contains("sandbox", logo.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        foreach (var forbidden in new[] { "script", "alert", "onload", "onclick", "style", "tracker", "evil", "foreignObject", "javascript", "image" })
        {
            Assert.DoesNotContain(forbidden, served, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("url(#g)", served, StringComparison.Ordinal);
        Assert.Contains("<rect", served, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("logo.gif", "GIF89a\u0001\u0000\u0001\u0000")]
    [InlineData("logo.svg", "<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg xmlns=\"http://www.w3.org/2000/svg\">&x;</svg>")]
    [InlineData("logo.png", "\u0089PNG\r\n\u001a\ntruncated")]
    public async Task UnusableLogo_IsRefusedWithALocalizedMessage_AndNothingIsShown(string name, string content)
    {
        var (_, page) = await UploadLogoAsync(Encoding.Latin1.GetBytes(content), name);

        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("#organisation-error")?.TextContent));
        using var anonymous = App.CreateClient();
        Assert.Null((await Html.ParseAsync(await anonymous.GetAsync(new Uri("/", UriKind.Relative)))).QuerySelector("img.site-logo"));
    }

    private async Task<(HttpResponseMessage Response, AngleSharp.Dom.IDocument Page)> UploadLogoAsync(byte[] content, string name)
    {
        using var admin = new StaffBrowserClient(App);
        await admin.SignInAsync(StaffWorld.AdminName);
        using var get = await admin.Http.GetAsync(new Uri("/Staff/Admin/Organisation", UriKind.Relative));
        var form = (await Html.ParseAsync(get)).QuerySelector("form[enctype='multipart/form-data']")!;
        using var body = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        body.Add(file, "logo", name);
        var response = await admin.Http.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), body);
        return (response, await Html.ParseAsync(response));
    }

    private async Task<List<string>> AuditKindsAsync()
    {
        await using var scope = App.CreateScope();
        return await IntakeApplicationFactory.CreateDbContext(scope).AuditEntries.Select(e => e.Kind).ToListAsync();
    }
}
