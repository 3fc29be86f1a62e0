using System.Text;
using Deque.AxeCore.Playwright;
using Intake.Crypto.Age;
using Intake.Crypto.Mailbox;
using Intake.Tests.Infrastructure;
using Intake.Web.Cases;
using Intake.Web.Reporting;
using Intake.Web.Reporting.Forms;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Intake.Tests.Browser;

/// <summary>
/// Both report forms in a real Chromium, with JavaScript off (sealed by the server) and on (sealed in the browser
/// by Intake.Web/wwwroot/js/dist/intake-report.js, built from client/src by <c>npm run build</c>), in Swedish and
/// English, then the mailbox opened with the token from the receipt.
/// </summary>
public sealed class ReportBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string BundlePath = "Intake.Web/wwwroot/js/dist/intake-report.js";

    // The fixture's application is shared by the class: set the organisation up once.
    public Task InitializeAsync() => browser.App.EnsureSetUpAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, bool> Forms() => new()
    {
        { "/report/whistleblowing", false },
        { "/report/whistleblowing", true },
        { "/en/report/whistleblowing", false },
        { "/en/report/whistleblowing", true },
        { "/report/threat", false },
        { "/report/threat", true },
        { "/en/report/threat", false },
        { "/en/report/threat", true },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public Task Report_IsReceivedAndOpensInTheMailbox(string path, bool javaScript)
    {
        if (javaScript)
        {
            RequireBundle();
        }

        return browser.RunAsync("report-" + path.Replace('/', '-'), javaScript, async page =>
        {
            var errors = CollectPageErrors(page);
            var english = path.StartsWith("/en/", StringComparison.Ordinal);
            var canary = "canary-" + Guid.NewGuid().ToString("N");
            await page.GotoAsync(path);
            if (javaScript)
            {
                await WaitForScriptAsync(page);
            }

            await ReporterBrowser.FillRequiredAsync(page, path, canary);
            await page.SetInputFilesAsync("#attachments", new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes("file " + canary) });
            await ReporterBrowser.PressSendAsync(page);

            var token = await ReceiptTokenAsync(page);
            var mode = (await page.TextContentAsync("#sealing-mode"))!;
            Assert.Contains(javaScript ? (english ? "in your browser" : "i din webbläsare") : (english ? "on the server" : "på servern"), mode, StringComparison.Ordinal);
            Assert.Matches("^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$", token);

            await OpenMailboxAsync(page, token);
            var thread = (await page.TextContentAsync(".thread"))!;
            Assert.Contains(canary, thread, StringComparison.Ordinal);
            Assert.Contains("notes.txt", thread, StringComparison.Ordinal);
            Assert.Empty(errors);
        });
    }

    [Theory]
    [InlineData("/report/whistleblowing")]
    [InlineData("/en/report/threat")]
    public Task WithJavaScript_NothingLeavesTheBrowserInClear(string path)
    {
        RequireBundle();
        return browser.RunAsync("report-no-plaintext", javaScript: true, async page =>
        {
            var canary = "canary-" + Guid.NewGuid().ToString("N");
            var fileCanary = "filecanary-" + Guid.NewGuid().ToString("N");
            // Chromium does not hand Playwright the Blob parts of a multipart body (PostDataBuffer is null then), so
            // every body the page's script gives to XMLHttpRequest, fetch or sendBeacon is also serialised in the
            // page exactly as the browser sends it; the test checks that no POST goes around that.
            var posts = new List<byte[]?>();
            page.Request += (_, request) =>
            {
                if (request.Method == "POST")
                {
                    lock (posts)
                    {
                        posts.Add(request.PostDataBuffer);
                    }
                }
            };
            await page.AddInitScriptAsync(CaptureBodiesScript);
            await page.GotoAsync(path);
            await WaitForScriptAsync(page);
            // Spaces around and a line break inside: the document must hold what the server would have sealed.
            await ReporterBrowser.FillRequiredAsync(page, path, $"  {canary}\nsecond line \t");
            await page.SetInputFilesAsync("#attachments", new FilePayload { Name = "evidence.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes(fileCanary) });
            await ReporterBrowser.PressSendAsync(page);
            var token = await ReceiptTokenAsync(page);
            var caseNumber = (await page.TextContentAsync("[data-slot=caseNumber]"))!.Trim();

            var captured = (await page.EvaluateAsync<string[]>("() => window.__bodies.finished()")).Select(Convert.FromBase64String).ToList();
            byte[]?[] network;
            lock (posts)
            {
                network = [.. posts];
            }

            Assert.Single(network);
            var post = Assert.Single(captured);
            var text = Encoding.Latin1.GetString(post);
            // The body really carries the sealed files: two age headers (the report and the attachment).
            Assert.Contains("name=\"sealingMode\"", text, StringComparison.Ordinal);
            Assert.Equal(2, CountOf(text, "age-encryption.org/v1"));
            var bodies = captured.Concat(network.OfType<byte[]>()).Select(b => Encoding.UTF8.GetString(b)).ToList();
            foreach (var secret in new[] { canary, fileCanary, token, token.Replace("-", "", StringComparison.Ordinal), "evidence.txt" })
            {
                Assert.True(bodies.All(b => CountOf(b, secret) == 0), $"A request body contains \"{secret}\" in clear.");
            }

            await using var scope = browser.App.CreateScope();
            var record = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.AsNoTracking()
                .Include(c => c.Entries).SingleAsync(c => c.CaseNumber == caseNumber);
            Assert.Equal(SealingMode.Browser, record.SealedBy);

            // The sealed report is byte for byte the document the server builds for the same answers.
            Assert.Equal(MailboxTokenParseStatus.Ok, MailboxToken.TryParse(token, out var parsed));
            using var mailboxToken = parsed!;
            using var keys = mailboxToken.DeriveKeys();
            var plain = AgeFile.Decrypt(record.Entries.Single(e => e.Kind == EntryKind.Report).Sealed, [keys.Identity]);
            var channel = path.EndsWith("/whistleblowing", StringComparison.Ordinal) ? "whistleblowing" : "threat";
            var form = ReportForms.For(channel);
            var typed = new FormAnswers();
            if (channel == "whistleblowing")
            {
                typed.Add("category", "fraud");
            }
            else
            {
                typed.Add("role", form.Field("role")!.Choices[0].Code);
                typed.Add("types", form.Field("types")!.Choices[0].Code);
                typed.Add("types", form.Field("types")!.Choices[1].Code);
            }

            typed.Add("whatHappened", $"{canary}\nsecond line");
            typed.Add("identityMode", "anonymous");
            typed.Add("allowAcknowledgement", "true");
            var expected = ReportDocument.Report(channel, path.StartsWith("/en/", StringComparison.Ordinal) ? "en" : "sv", typed.OnlyFieldsOf(form),
                [new AttachmentInfo("evidence.txt", "text/plain", Encoding.UTF8.GetByteCount(fileCanary))]);
            Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(plain));
        });
    }

    [Theory]
    [InlineData("/report/whistleblowing", "större än")]
    [InlineData("/en/report/threat", "larger than")]
    public Task WithJavaScript_TooLargeFile_IsRefusedBeforeSealingAndKeepsTheText(string path, string message)
    {
        RequireBundle();
        return browser.RunAsync("report-too-large", javaScript: true, async page =>
        {
            var posts = 0;
            page.Request += (_, request) => posts += request.Method == "POST" ? 1 : 0;
            var canary = "kept-" + Guid.NewGuid().ToString("N");
            await page.GotoAsync(path);
            await WaitForScriptAsync(page);
            // The limit the server renders (50 MB) is lowered on the page, so the file stays small.
            await page.EvalOnSelectorAsync("form.report-form", "f => f.dataset.maxFileBytes = '1000'");
            await ReporterBrowser.FillRequiredAsync(page, path, canary);
            await page.SetInputFilesAsync("#attachments", new FilePayload { Name = "big.bin", MimeType = "application/octet-stream", Buffer = new byte[5000] });
            await ReporterBrowser.PressSendAsync(page);

            await page.WaitForSelectorAsync("#error-summary:not([hidden])");
            Assert.Contains(message, await page.TextContentAsync("#error-summary"), StringComparison.Ordinal);
            Assert.Contains("big.bin", await page.TextContentAsync("#error-summary"), StringComparison.Ordinal);
            Assert.Contains(message, await page.TextContentAsync("#f-attachments .field-error"), StringComparison.Ordinal);
            Assert.Equal("error-summary", await page.EvaluateAsync<string>("() => document.activeElement.id"));
            Assert.Equal(canary, await page.InputValueAsync("#f-whatHappened"));
            Assert.Equal(1, await page.EvaluateAsync<int>("() => document.querySelector('#attachments').files.length"));
            Assert.True(await page.IsEnabledAsync("form.report-form button[type=submit]"));
            Assert.True(await page.IsHiddenAsync("#seal-progress"));
            Assert.Equal(0, posts);
        });
    }

    [Theory]
    [InlineData("/report/threat")]
    [InlineData("/en/report/whistleblowing")]
    public Task WithJavaScript_MissingAnswers_AreShownNextToTheFieldsAndNothingIsSent(string path)
    {
        RequireBundle();
        return browser.RunAsync("report-required", javaScript: true, async page =>
        {
            var posts = 0;
            page.Request += (_, request) => posts += request.Method == "POST" ? 1 : 0;
            await page.GotoAsync(path);
            await WaitForScriptAsync(page);
            await page.FillAsync("#f-department, #f-whenWhere", "kept text");
            // In steps, Next checks the first step: what it requires is missing.
            await ReporterBrowser.SendAsync(page);

            var first = path.EndsWith("/threat", StringComparison.Ordinal) ? "f-role-0" : "f-whatHappened";
            var firstField = path.EndsWith("/threat", StringComparison.Ordinal) ? "role" : "whatHappened";
            Assert.Equal("true", await page.GetAttributeAsync($"#{first}", "aria-invalid"));
            Assert.True(await page.Locator($"[data-field={firstField}] .field-error").IsVisibleAsync());
            Assert.Equal("kept text", await page.InputValueAsync("#f-department, #f-whenWhere"));
            Assert.True(await page.Locator($"#error-summary a[href='#{first}']").CountAsync() == 1);

            // Confidential without a name: the server's rule, checked here because the name is sealed.
            await ReporterBrowser.FillRequiredAsync(page, path, "now filled in");
            await ReporterBrowser.ShowStepOfAsync(page, "#f-identityMode-1");
            await page.CheckAsync("#f-identityMode-1");
            await ReporterBrowser.SendAsync(page);
            Assert.True(await page.Locator("[data-field=name] .field-error").IsVisibleAsync());
            Assert.Equal("true", await page.GetAttributeAsync("#f-name", "aria-invalid"));
            Assert.Equal(0, posts);

            // Fixing the answer clears the error and the report goes through.
            await page.FillAsync("#f-name", "Anna");
            await ReporterBrowser.PressSendAsync(page);
            await ReceiptTokenAsync(page);
        });
    }

    [Fact]
    public Task WithJavaScript_RefusalFromTheServer_IsShownAndTheFormIsKept()
    {
        RequireBundle();
        return browser.RunAsync("report-refused", javaScript: true, async page =>
        {
            await page.GotoAsync("/en/report/whistleblowing");
            await WaitForScriptAsync(page);
            // A stale antiforgery token: the server answers 422 with its own message.
            await page.EvalOnSelectorAsync("form.report-form input[name=__RequestVerificationToken]", "i => i.value = 'stale'");
            await ReporterBrowser.FillRequiredAsync(page, "/en/report/whistleblowing", "still here");
            await ReporterBrowser.PressSendAsync(page);

            await page.WaitForSelectorAsync("#error-summary:not([hidden])");
            Assert.Contains("The form had expired", await page.TextContentAsync("#error-summary"), StringComparison.Ordinal);
            Assert.EndsWith("/en/report/whistleblowing", page.Url, StringComparison.Ordinal);
            Assert.Equal("still here", await page.InputValueAsync("#f-whatHappened"));
            Assert.True(await page.IsEnabledAsync("form.report-form button[type=submit]"));
            Assert.True(await page.IsHiddenAsync("#seal-progress"));
        });
    }

    [Fact]
    public Task WithJavaScript_NetworkFailure_IsShownAndTheFormIsKept()
    {
        RequireBundle();
        return browser.RunAsync("report-network-failure", javaScript: true, async page =>
        {
            await page.GotoAsync("/report/threat");
            await WaitForScriptAsync(page);
            await page.RouteAsync("**/report/threat", route => route.Request.Method == "POST" ? route.AbortAsync() : route.ContinueAsync());
            await ReporterBrowser.FillRequiredAsync(page, "/report/threat", "still here");
            await ReporterBrowser.PressSendAsync(page);

            await page.WaitForSelectorAsync("#error-summary:not([hidden])");
            var failed = await page.GetAttributeAsync("form.report-form", "data-msg-failed");
            Assert.Contains(failed!, await page.TextContentAsync("#error-summary"), StringComparison.Ordinal);
            Assert.Equal("still here", await page.InputValueAsync("#f-whatHappened"));
            Assert.True(await page.IsCheckedAsync("#f-types-1"));
            Assert.True(await page.IsEnabledAsync("form.report-form button[type=submit]"));
        });
    }

    [Fact]
    public Task WithJavaScript_ProgressIsShownWhileSealingAndSending()
    {
        RequireBundle();
        return browser.RunAsync("report-progress", javaScript: true, async page =>
        {
            // Records every state of the progress area as the script changes it (an init script is not subject to the CSP).
            await page.AddInitScriptAsync("""
                window.__progress = [];
                document.addEventListener('DOMContentLoaded', () => {
                  const area = document.getElementById('seal-progress');
                  const record = () => window.__progress.push({ hidden: area.hidden, label: document.getElementById('seal-progress-label').textContent, value: document.getElementById('seal-progress-bar').value });
                  new MutationObserver(record).observe(area, { attributes: true, childList: true, subtree: true, characterData: true });
                });
                """);
            await page.GotoAsync("/en/report/whistleblowing");
            await WaitForScriptAsync(page);
            await ReporterBrowser.FillRequiredAsync(page, "/en/report/whistleblowing", "progress");
            var big = new byte[2_000_000];
            Random.Shared.NextBytes(big);
            await page.SetInputFilesAsync("#attachments", new FilePayload { Name = "big.bin", MimeType = "application/octet-stream", Buffer = big });
            await ReporterBrowser.PressSendAsync(page);
            await ReceiptTokenAsync(page);

            var states = await page.EvaluateAsync<ProgressState[]>("() => window.__progress");
            Assert.Contains(states, s => !s.Hidden && s.Label.StartsWith("Encrypting in your browser", StringComparison.Ordinal));
            Assert.Contains(states, s => !s.Hidden && s.Label == "Sending…");
            // The bar moves while sealing (intermediate values may be merged into one observation on a fast machine).
            Assert.Equal(0, states.First(s => !s.Hidden).Value);
            Assert.Contains(states, s => !s.Hidden && s.Label.StartsWith("Encrypting in your browser… (1/1)", StringComparison.Ordinal) && s.Value == 100);
        });
    }

    [Theory]
    [InlineData("/report/whistleblowing")]
    [InlineData("/report/threat")]
    [InlineData("/en/report/threat")]
    [InlineData("/mailbox")]
    public Task Page_HasNoSeriousOrCriticalViolation(string path) =>
        browser.RunAsync("axe-report", javaScript: true, async page =>
        {
            await page.GotoAsync(path);
            await AssertAccessibleAsync(page);
        });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReceiptAndMailbox_HaveNoSeriousOrCriticalViolation(bool javaScript)
    {
        if (javaScript)
        {
            RequireBundle();
        }

        var phone = new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 320, Height = 640 } };
        string? receiptHtml = null;
        var token = string.Empty;
        await browser.RunAsync("axe-receipt", javaScript, async page =>
        {
            await page.GotoAsync("/report/threat");
            if (javaScript)
            {
                await WaitForScriptAsync(page);
            }

            await ReporterBrowser.FillRequiredAsync(page, "/report/threat", "axe");
            await ReporterBrowser.PressSendAsync(page);
            token = await ReceiptTokenAsync(page);
            if (javaScript)
            {
                Assert.Equal("H1", await page.EvaluateAsync<string>("() => document.activeElement.tagName"));
                Assert.Equal(0, await page.Locator("form.report-form").CountAsync());
                await AssertFitsAPhoneAsync(page);
                await AssertAccessibleAsync(page);
            }
            else
            {
                // The receipt is shown once; axe needs JavaScript, so it checks a copy of the page below.
                receiptHtml = await page.ContentAsync();
            }
        }, phone);

        await browser.RunAsync("axe-mailbox", javaScript: true, async page =>
        {
            if (receiptHtml is not null)
            {
                await page.GotoAsync("/");
                await page.SetContentAsync(receiptHtml);
                await AssertFitsAPhoneAsync(page);
                await AssertAccessibleAsync(page);
            }

            await OpenMailboxAsync(page, token);
            await AssertAccessibleAsync(page);
        }, new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 320, Height = 640 } });
    }

    private static async Task AssertFitsAPhoneAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 320"), "The page scrolls sideways on a 320 px screen.");

    /// <summary>The bundle is built by ops/test.sh (npm run build); without it the JavaScript tests prove nothing.</summary>
    private static void RequireBundle()
    {
        var bundle = Path.Combine(RepositoryRoot.Path, BundlePath);
        Assert.True(File.Exists(bundle), $"{BundlePath} is missing: run ops/test.sh (npm run build) before the browser tests.");
    }

    private static async Task WaitForScriptAsync(IPage page) =>
        await page.WaitForFunctionAsync("() => { const n = document.getElementById('sealing-note'); return n && n.textContent === n.dataset.browserText; }");

    private static async Task<string> ReceiptTokenAsync(IPage page)
    {
        await page.WaitForSelectorAsync("#mailbox-token", new() { Timeout = 60_000 });
        return (await page.TextContentAsync("#mailbox-token"))!.Trim();
    }

    private static async Task OpenMailboxAsync(IPage page, string token)
    {
        await page.GotoAsync("/mailbox");
        await page.FillAsync("#Token", token);
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForSelectorAsync(".thread");
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{page.Url} {v.Id}: {v.Help}").ToList();
        Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious));
    }

    private static List<string> CollectPageErrors(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        return errors;
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private sealed class ProgressState
    {
        public bool Hidden { get; set; }

        public string Label { get; set; } = string.Empty;

        public int Value { get; set; }
    }

    internal const string CaptureBodiesScript = """
        (() => {
          const pending = [];
          const encode = async (body) => {
            const bytes = new Uint8Array(await new Response(body).arrayBuffer());
            let binary = '';
            for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
            return btoa(binary);
          };
          const record = (body) => { if (body !== undefined && body !== null) pending.push(encode(body)); };
          const send = XMLHttpRequest.prototype.send;
          XMLHttpRequest.prototype.send = function (body) { record(body); return send.call(this, body); };
          const fetch = window.fetch;
          window.fetch = function (input, init) { record(init && init.body); return fetch.call(this, input, init); };
          const beacon = navigator.sendBeacon.bind(navigator);
          navigator.sendBeacon = (url, body) => { record(body); return beacon(url, body); };
          window.__bodies = { finished: () => Promise.all(pending) };
        })();
        """;
}
