using System.Text;
using Intake.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Intake.Tests.Browser;

/// <summary>
/// The receipt on a phone, with JavaScript off and on: one design (case number, day, files, address, when to look
/// in again, the code), copy, download and print, the warning before leaving and "I have saved the code".
/// </summary>
public sealed class ReceiptBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => browser.App.EnsureSetUpAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly string[] _printed = ["#receipt-case", "#mailbox-token", "#receipt-address"];
    private static readonly string[] _notPrinted = [".site-header", "#receipt-download", "#receipt-confirm"];

    private const string LeavingIsStopped = "() => { const e = new Event('beforeunload', { cancelable: true }); window.dispatchEvent(e); return e.defaultPrevented; }";

    private static FilePayload Note => new() { Name = "note.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes("a note") };

    public static TheoryData<string, bool> Paths() => new()
    {
        { "/report/whistleblowing", false },
        { "/report/whistleblowing", true },
        { "/en/report/threat", false },
        { "/en/report/threat", true },
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public Task Receipt_ShowsTheSameFactsInBothModes(string path, bool javaScript)
    {
        if (javaScript)
        {
            ReporterBrowser.RequireBundle();
        }

        var english = path.StartsWith("/en/", StringComparison.Ordinal);
        return browser.RunAsync("receipt-facts", javaScript, async page =>
        {
            var token = await ReporterBrowser.SubmitReportAsync(page, path, javaScript, "facts", Note);

            Assert.Matches("^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$", token);
            Assert.Equal(english ? "Your report has been received" : "Din rapport är mottagen", (await page.TextContentAsync("main h1"))!.Trim());
            Assert.Matches(@"^(VB|HV)-\d{4}-\d{4}$", (await page.TextContentAsync("#receipt-case"))!.Trim());
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", (await page.TextContentAsync("#receipt-received"))!.Trim());
            Assert.Equal("1", (await page.TextContentAsync("#receipt-files"))!.Trim());
            Assert.Contains(browser.BaseAddress.Authority, await page.TextContentAsync("#receipt-address"), StringComparison.Ordinal);
            Assert.Contains(english ? "in a week" : "om en vecka", await page.TextContentAsync("#receipt-look-again"), StringComparison.Ordinal);
            Assert.Equal(0, await page.Locator("form.report-form").CountAsync());
            Assert.Equal(1, await page.Locator("main h1").CountAsync());
            if (javaScript)
            {
                Assert.Equal("receipt-heading", await page.EvaluateAsync<string>("() => document.activeElement.id"));
                Assert.StartsWith(english ? "Your report has been received" : "Din rapport är mottagen", await page.TitleAsync(), StringComparison.Ordinal);
            }
            else
            {
                Assert.EndsWith((english ? "/en" : string.Empty) + "/report/receipt", page.Url, StringComparison.Ordinal);
            }

            await ReporterBrowser.AssertFitsAPhoneAsync(page);
        }, ReporterBrowser.Phone(english ? "en-GB" : "sv-SE"));
    }

    [Theory]
    [InlineData("/report/whistleblowing", "Kvittot visas inte längre")]
    [InlineData("/en/report/threat", "The receipt is no longer shown")]
    public Task WithoutJavaScript_ReceiptSurvivesAReloadUntilTheCodeIsSaved(string path, string closed) =>
        browser.RunAsync("receipt-reload", javaScript: false, async page =>
        {
            var token = await ReporterBrowser.SubmitReportAsync(page, path, javaScript: false, "reload");

            await page.ReloadAsync();
            Assert.Equal(token, (await page.TextContentAsync("#mailbox-token"))!.Trim());

            // The box is required: the browser does not send the form until it is ticked.
            await page.ClickAsync("#receipt-confirm button[type=submit]");
            Assert.Equal(token, (await page.TextContentAsync("#mailbox-token"))!.Trim());

            await page.CheckAsync("#receipt-saved");
            await page.ClickAsync("#receipt-confirm button[type=submit]");
            await page.WaitForSelectorAsync("main h1:text-is('" + closed + "')");
            await page.ReloadAsync();
            Assert.Equal(0, await page.Locator("#mailbox-token").CountAsync());
            Assert.DoesNotContain(token, await page.ContentAsync(), StringComparison.Ordinal);
        }, ReporterBrowser.Phone());

    [Theory]
    [InlineData("/report/whistleblowing", false)]
    [InlineData("/report/whistleblowing", true)]
    [InlineData("/fi/report/threat", false)]
    [InlineData("/fi/report/threat", true)]
    public Task Receipt_DownloadsAsATextFile(string path, bool javaScript)
    {
        if (javaScript)
        {
            ReporterBrowser.RequireBundle();
        }

        return browser.RunAsync("receipt-download", javaScript, async page =>
        {
            var token = await ReporterBrowser.SubmitReportAsync(page, path, javaScript, "download", Note);
            var caseNumber = (await page.TextContentAsync("#receipt-case"))!.Trim();

            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#receipt-download"));
            var file = await download.PathAsync();
            var text = await File.ReadAllTextAsync(file);

            Assert.EndsWith(".txt", download.SuggestedFilename, StringComparison.Ordinal);
            Assert.Contains(token, text, StringComparison.Ordinal);
            Assert.Contains(caseNumber, text, StringComparison.Ordinal);
            Assert.Contains(browser.BaseAddress.Authority, text, StringComparison.Ordinal);
            Assert.DoesNotContain("{", text, StringComparison.Ordinal);
            // Nothing about the download reached the server with JavaScript: the browser alone knows the token.
            Assert.Equal(token, (await page.TextContentAsync("#mailbox-token"))!.Trim());
        }, new BrowserNewContextOptions { AcceptDownloads = true, Locale = path.StartsWith("/fi/", StringComparison.Ordinal) ? "fi-FI" : "sv-SE" });
    }

    [Theory]
    [InlineData("/report/threat", "Koden är kopierad.")]
    [InlineData("/en/report/whistleblowing", "The code has been copied.")]
    public Task WithJavaScript_CopiesPrintsAndWarnsBeforeLeavingUntilSaved(string path, string copied)
    {
        ReporterBrowser.RequireBundle();
        var options = ReporterBrowser.Phone();
        options.Permissions = ["clipboard-read", "clipboard-write"];
        return browser.RunAsync("receipt-actions", javaScript: true, async page =>
        {
            var token = await ReporterBrowser.SubmitReportAsync(page, path, javaScript: true, "actions");

            await page.ClickAsync("#receipt-copy");
            await page.WaitForSelectorAsync($"#receipt-action-status:text-is('{copied}')");
            Assert.Equal(token, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));

            await page.EvaluateAsync("() => { window.__printed = 0; window.print = () => { window.__printed++; }; }");
            await page.ClickAsync("#receipt-print");
            Assert.Equal(1, await page.EvaluateAsync<int>("() => window.__printed"));

            // Leaving asks first (the browser shows its own question when the page cancels beforeunload) until
            // "I have saved the code" is ticked.
            Assert.True(await page.EvaluateAsync<bool>(LeavingIsStopped));
            await page.CheckAsync("#receipt-saved");
            Assert.False(await page.EvaluateAsync<bool>(LeavingIsStopped));
        }, options);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public Task PrintedReceipt_CarriesTheCaseNumberCodeAndAddressAndNoButtons(bool javaScript)
    {
        if (javaScript)
        {
            ReporterBrowser.RequireBundle();
        }

        return browser.RunAsync("receipt-print", javaScript, async page =>
        {
            await ReporterBrowser.SubmitReportAsync(page, "/report/whistleblowing", javaScript, "print");
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

            foreach (var shown in _printed)
            {
                Assert.True(await page.IsVisibleAsync(shown), shown + " is not printed.");
            }

            foreach (var hidden in _notPrinted)
            {
                Assert.False(await page.IsVisibleAsync(hidden), hidden + " is printed.");
            }
        }, ReporterBrowser.Phone());
    }

    [Fact]
    public async Task Receipt_HasNoSeriousOrCriticalViolationInEitherMode()
    {
        ReporterBrowser.RequireBundle();
        IReadOnlyList<BrowserContextCookiesResult> cookies = [];
        await browser.RunAsync("axe-receipt-js", javaScript: true, async page =>
        {
            await ReporterBrowser.SubmitReportAsync(page, "/report/threat", javaScript: true, "axe");
            await ReporterBrowser.AssertAccessibleAsync(page);
        }, ReporterBrowser.Phone());

        // Sent without JavaScript; axe needs JavaScript, so the receipt page is opened again with the same cookie.
        await browser.RunAsync("axe-receipt-nojs", javaScript: false, async page =>
        {
            await ReporterBrowser.SubmitReportAsync(page, "/en/report/whistleblowing", javaScript: false, "axe");
            cookies = await page.Context.CookiesAsync();
        }, ReporterBrowser.Phone());
        await browser.RunAsync("axe-receipt-page", javaScript: true, async page =>
        {
            await page.Context.AddCookiesAsync(cookies.Select(c => new Cookie
            {
                Name = c.Name,
                Value = c.Value,
                Domain = c.Domain,
                Path = c.Path,
                HttpOnly = c.HttpOnly,
                SameSite = c.SameSite,
            }));
            await page.GotoAsync("/en/report/receipt");
            await page.WaitForSelectorAsync("#receipt-copy:not([hidden])");
            await ReporterBrowser.AssertAccessibleAsync(page);
            await ReporterBrowser.AssertFitsAPhoneAsync(page);
        }, ReporterBrowser.Phone());
    }
}
