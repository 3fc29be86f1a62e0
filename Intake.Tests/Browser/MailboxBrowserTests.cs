using System.Text;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Intake.Crypto.Age;
using Intake.Tests.Infrastructure;
using Intake.Web.Cases;
using Intake.Web.Hosting;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Intake.Tests.Browser;

/// <summary>
/// The mailbox in a real Chromium. With JavaScript on it is opened in the browser by
/// Intake.Web/wwwroot/js/dist/intake-mailbox.js (built from client/src/mailbox.js by <c>npm run build</c>): the
/// token never leaves the page, the thread and attachments arrive as ciphertext and follow-ups leave sealed. With
/// JavaScript off the server opens it, as before.
/// </summary>
public sealed class MailboxBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string BundlePath = "Intake.Web/wwwroot/js/dist/intake-mailbox.js";

    // The fixture's application is shared by the class: set the organisation up once.
    public Task InitializeAsync() => browser.App.EnsureSetUpAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("/mailbox", "Mottagen:", "Handläggaren skrev")]
    [InlineData("/en/mailbox", "Received:", "The case handler wrote")]
    public async Task WithJavaScript_TheMailboxIsReadDownloadedAndAnsweredInTheBrowser(string door, string status, string replyLabel)
    {
        RequireBundle();
        var canary = "canary-" + Guid.NewGuid().ToString("N");
        var evidence = RandomBytes(70_000);
        var (token, caseNumber) = await SubmitAsync(canary, ("evidence.bin", evidence));
        var reply = "reply-" + Guid.NewGuid().ToString("N");
        await ReplyAsync(caseNumber, reply);
        var followCanary = "follow-" + Guid.NewGuid().ToString("N");
        var fileCanary = "filecanary-" + Guid.NewGuid().ToString("N");

        await browser.RunAsync("mailbox-js", javaScript: true, async page =>
        {
            var errors = CollectPageErrors(page);
            var urls = new List<string>();
            page.Request += (_, request) =>
            {
                lock (urls)
                {
                    urls.Add(request.Url);
                }
            };
            await page.AddInitScriptAsync(ReportBrowserTests.CaptureBodiesScript);
            await OpenAsync(page, door, token);

            var thread = (await page.TextContentAsync("#mailbox-open .thread"))!;
            Assert.Contains(canary, thread, StringComparison.Ordinal);
            Assert.Contains(reply, thread, StringComparison.Ordinal);
            Assert.Contains(replyLabel, thread, StringComparison.Ordinal);
            Assert.Contains("evidence.bin", thread, StringComparison.Ordinal);
            Assert.StartsWith(status, (await page.TextContentAsync("#case-status"))!.Trim(), StringComparison.Ordinal);
            Assert.Contains(caseNumber, await page.TextContentAsync("#mailbox-case"), StringComparison.Ordinal);
            Assert.Equal(string.Empty, await page.InputValueAsync("#Token"));

            // The attachment is fetched as ciphertext and decrypted here, under its original name. It belongs to
            // the report, whose files show once its details are opened.
            await page.ClickAsync("#mailbox-open .thread-item--report summary");
            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#mailbox-open button[data-attachment]"));
            Assert.Equal("evidence.bin", download.SuggestedFilename);
            Assert.Equal(evidence, await File.ReadAllBytesAsync((await download.PathAsync())!));

            // A follow-up with a file is sealed in the browser.
            await page.FillAsync("#message", $"  {followCanary}  ");
            await page.SetInputFilesAsync("#attachments", new FilePayload { Name = "follow.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes(fileCanary) });
            await page.ClickAsync("form.mailbox-reply button[type=submit]");
            await page.WaitForSelectorAsync("#mailbox-open [data-slot=sent]:not([hidden])");
            var after = (await page.TextContentAsync("#mailbox-open .thread"))!;
            Assert.Contains(followCanary, after, StringComparison.Ordinal);
            Assert.Contains("follow.txt", after, StringComparison.Ordinal);

            var bodies = (await page.EvaluateAsync<string[]>("() => window.__bodies.finished()")).Select(Convert.FromBase64String).ToList();
            var message = Assert.Single(bodies, b => Encoding.Latin1.GetString(b).Contains("name=\"sealedMessage\"", StringComparison.Ordinal));
            Assert.Equal(2, CountOf(Encoding.Latin1.GetString(message), "age-encryption.org/v1"));
            string[] secrets = [canary, reply, followCanary, fileCanary, "follow.txt", "evidence.bin", token, token.Replace("-", "", StringComparison.Ordinal)];
            foreach (var secret in secrets)
            {
                Assert.True(bodies.All(b => CountOf(Encoding.UTF8.GetString(b), secret) == 0), $"A request body contains \"{secret}\" in clear.");
            }

            // The lookup id travels only in a header: no address carries the token or anything derived from it.
            using var parsed = ParseToken(token);
            using var keys = parsed.DeriveKeys();
            lock (urls)
            {
                Assert.DoesNotContain(urls, u => u.Contains(keys.AuthenticatorHex, StringComparison.Ordinal) || u.Contains(token, StringComparison.Ordinal));
                Assert.DoesNotContain(urls, u => u.Contains("/mailbox/open", StringComparison.Ordinal));
            }

            Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "intake.mailbox");
            Assert.Empty(errors);
        });

        // The channel's key opens what the browser sealed.
        await using var scope = browser.App.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var record = await db.Cases.AsNoTracking().SingleAsync(c => c.CaseNumber == caseNumber);
        Assert.Equal(1, record.UnreadReporterMessages);
        var entry = await db.CaseEntries.AsNoTracking().Include(e => e.Attachments).SingleAsync(e => e.CaseId == record.Id && e.Kind == EntryKind.ReporterMessage);
        using var handler = await StaffWorld.UnlockAsync(scope, StaffWorld.WhistleblowingHandler);
        var identities = handler.IdentitiesFor(record.ChannelId).ToList();
        var document = Encoding.UTF8.GetString(AgeFile.Decrypt(entry.Sealed!, identities));
        Assert.Equal($"{{\"format\":\"intake.message/v1\",\"text\":\"{followCanary}\",\"attachments\":[{{\"name\":\"follow.txt\",\"type\":\"text/plain\",\"size\":{fileCanary.Length}}}]}}", document);
        var sealedFile = await File.ReadAllBytesAsync(Path.Combine(scope.ServiceProvider.GetRequiredService<DataDirectory>().Attachments, Assert.Single(entry.Attachments).FileName));
        Assert.Equal(fileCanary, Encoding.UTF8.GetString(AgeFile.Decrypt(sealedFile, identities)));
    }

    [Fact]
    public async Task WithJavaScript_LeavingWipesTheMailbox_AndBackShowsNothingReadable()
    {
        RequireBundle();
        var canary = "canary-" + Guid.NewGuid().ToString("N");
        var (token, _) = await SubmitAsync(canary);
        await browser.RunAsync("mailbox-leave", javaScript: true, async page =>
        {
            await page.GotoAsync("/");
            await OpenAsync(page, "/mailbox", token);
            await page.ClickAsync("#mailbox-open [data-action=leave]");
            await page.WaitForURLAsync("**/mailbox?left=true");
            Assert.DoesNotContain(canary, await page.ContentAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await page.Locator(".thread").CountAsync());

            await page.GoBackAsync();
            Assert.DoesNotContain(canary, await page.ContentAsync(), StringComparison.Ordinal);
            await page.GoForwardAsync();
            Assert.DoesNotContain(canary, await page.ContentAsync(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task WithJavaScript_GoingAwayAndBack_ShowsOnlyTheDoor()
    {
        RequireBundle();
        var canary = "canary-" + Guid.NewGuid().ToString("N");
        var (token, _) = await SubmitAsync(canary);
        await browser.RunAsync("mailbox-back", javaScript: true, async page =>
        {
            await OpenAsync(page, "/mailbox", token);
            await page.ClickAsync("a.site-name");
            await page.WaitForURLAsync(url => !url.Contains("/mailbox", StringComparison.Ordinal));

            await page.GoBackAsync();
            await page.WaitForSelectorAsync("#mailbox-door:not([hidden])");
            Assert.DoesNotContain(canary, await page.ContentAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await page.Locator("#mailbox-open").CountAsync());
            Assert.Equal(string.Empty, await page.InputValueAsync("#Token"));
        });
    }

    [Fact]
    public async Task WithJavaScript_IdleMailbox_IsWiped()
    {
        RequireBundle();
        var canary = "canary-" + Guid.NewGuid().ToString("N");
        var (token, _) = await SubmitAsync(canary);
        await browser.RunAsync("mailbox-idle", javaScript: true, async page =>
        {
            Assert.Equal("900", await GotoDoorAsync(page, "/en/mailbox", page => page.GetAttributeAsync("form.mailbox-door-form", "data-idle-seconds")));
            // The page gives the script the server's 15 minutes; lowered here so the test does not wait for them.
            await page.EvalOnSelectorAsync("form.mailbox-door-form", "f => f.dataset.idleSeconds = '2'");
            await SubmitTokenAsync(page, token);

            await page.WaitForURLAsync("**/en/mailbox?idle=true", new() { Timeout = 15_000 });
            Assert.DoesNotContain(canary, await page.ContentAsync(), StringComparison.Ordinal);
            Assert.Contains("15 minutes without activity", await page.TextContentAsync("main"), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task WithJavaScript_TyposAreToldWithoutAsking_UnknownCodesByTheServer()
    {
        RequireBundle();
        var (token, _) = await SubmitAsync("typo");
        using var other = Intake.Crypto.Mailbox.MailboxToken.Generate();
        await browser.RunAsync("mailbox-typo", javaScript: true, async page =>
        {
            var posts = 0;
            page.Request += (_, request) => posts += request.Method == "POST" ? 1 : 0;
            await GotoDoorAsync(page, "/en/mailbox", _ => Task.FromResult(0));
            await page.FillAsync("#Token", token[..^1] + (token[^1] == '0' ? '1' : '0'));
            await page.ClickAsync("form.mailbox-door-form button[type=submit]");
            await page.WaitForSelectorAsync("#mailbox-error");
            Assert.Contains("typing mistake", await page.TextContentAsync("#mailbox-error"), StringComparison.Ordinal);
            Assert.Equal("true", await page.GetAttributeAsync("#Token", "aria-invalid"));
            Assert.Equal(0, posts);

            await page.FillAsync("#Token", other.ToString());
            await page.ClickAsync("form.mailbox-door-form button[type=submit]");
            await page.WaitForFunctionAsync("() => document.getElementById('mailbox-error').textContent.includes('No mailbox')");
            Assert.Equal(1, posts);
            Assert.True(await page.IsEnabledAsync("form.mailbox-door-form button[type=submit]"));
        });
    }

    [Fact]
    public async Task WithJavaScript_MeetingRequest_IsSentAndShown()
    {
        RequireBundle();
        var (token, caseNumber) = await SubmitAsync("meet");
        await browser.RunAsync("mailbox-meeting", javaScript: true, async page =>
        {
            await OpenAsync(page, "/mailbox", token);
            await page.ClickAsync("#mailbox-open [data-action=meeting]");
            await page.WaitForSelectorAsync("#mailbox-open .thread-item--meetingrequest");
            Assert.Equal(0, await page.Locator("#mailbox-open [data-action=meeting]").CountAsync());
        });

        await using var scope = browser.App.CreateScope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.SingleAsync(c => c.CaseNumber == caseNumber)).MeetingRequested);
    }

    [Fact]
    public async Task WithoutJavaScript_TheServerStillOpensTheMailbox()
    {
        var canary = "canary-" + Guid.NewGuid().ToString("N");
        var (token, caseNumber) = await SubmitAsync(canary, ("a.txt", Encoding.UTF8.GetBytes("attached")));
        var followCanary = "follow-" + Guid.NewGuid().ToString("N");
        await browser.RunAsync("mailbox-nojs", javaScript: false, async page =>
        {
            await page.GotoAsync("/mailbox");
            Assert.Equal(0, await page.Locator("#mailbox-open").CountAsync());
            await page.FillAsync("#Token", token);
            await page.ClickAsync("form.mailbox-door-form button[type=submit]");
            await page.WaitForURLAsync("**/mailbox/open");
            Assert.Contains(canary, await page.TextContentAsync(".thread"), StringComparison.Ordinal);

            await page.FillAsync("#message", followCanary);
            await page.SetInputFilesAsync("#attachments", new FilePayload { Name = "b.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes("more") });
            await page.ClickAsync("form[enctype='multipart/form-data'] button[type=submit]");
            await page.WaitForURLAsync(new Regex("/mailbox/open\\?sent=true$", RegexOptions.IgnoreCase));
            Assert.Contains(followCanary, await page.TextContentAsync(".thread"), StringComparison.Ordinal);

            await page.ClickAsync("form[action*='handler=Leave'] button");
            await page.WaitForURLAsync(new Regex("/mailbox\\?left=true$", RegexOptions.IgnoreCase));
            Assert.DoesNotContain(canary, await page.ContentAsync(), StringComparison.Ordinal);
        });

        await using var scope = browser.App.CreateScope();
        Assert.Equal(1, (await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.SingleAsync(c => c.CaseNumber == caseNumber)).UnreadReporterMessages);
    }

    [Theory]
    [InlineData("/mailbox")]
    [InlineData("/en/mailbox")]
    public async Task OpenedMailbox_HasNoSeriousOrCriticalViolation(string door)
    {
        RequireBundle();
        var (token, caseNumber) = await SubmitAsync("axe", ("a.txt", [1, 2, 3]));
        await ReplyAsync(caseNumber, "a reply");
        await browser.RunAsync("mailbox-axe", javaScript: true, async page =>
        {
            await OpenAsync(page, door, token);
            await page.ClickAsync("#mailbox-open details summary");
            await page.ClickAsync("form.mailbox-reply button[type=submit]");
            await page.WaitForSelectorAsync("#mailbox-open #error-summary:not([hidden])");
            var result = await page.RunAxe();
            var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ToList();
            Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious));
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways.");
        }, new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 320, Height = 640 } });
    }

    [Fact]
    public async Task WithJavaScript_ACaseFromBeforeTheAuthenticator_OpensAfterTheScriptProvesTheMailboxKey()
    {
        RequireBundle();
        var canary = "legacy-" + Guid.NewGuid().ToString("N");
        var (token, caseNumber) = await SubmitAsync(canary);
        using var parsed = ParseToken(token);
        using var keys = parsed.DeriveKeys();
        await using (var scope = browser.App.CreateScope())
        {
            // As a case was stored before the authenticator: the v1 lookup id, marked legacy.
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            var record = await db.Cases.SingleAsync(c => c.CaseNumber == caseNumber);
            record.MailboxLookupId = keys.LookupId;
            record.MailboxLegacy = true;
            await db.SaveChangesAsync();
        }

        await browser.RunAsync("mailbox-js-legacy", javaScript: true, async page =>
        {
            var errors = CollectPageErrors(page);
            await OpenAsync(page, "/mailbox", token);

            Assert.Contains(canary, await page.TextContentAsync("#mailbox-open .thread"), StringComparison.Ordinal);
            Assert.Empty(errors);
        });

        await using var after = browser.App.CreateScope();
        var moved = await after.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.AsNoTracking().SingleAsync(c => c.CaseNumber == caseNumber);
        Assert.False(moved.MailboxLegacy);
        Assert.Equal(keys.Verifier, moved.MailboxLookupId);
    }

    /// <summary>Files a server-sealed report without JavaScript; returns the token and the case number.</summary>
    private async Task<(string Token, string CaseNumber)> SubmitAsync(string text, params (string Name, byte[] Content)[] files)
    {
        using var reporter = new ReporterClient(browser.App);
        reporter.Http.BaseAddress = browser.BaseAddress;
        var (_, receipt) = await reporter.SubmitAsync("/report/whistleblowing", ReporterClient.MinimalWhistleblowing(text), files);
        var token = ReporterClient.TokenOn(receipt);
        await using var scope = browser.App.CreateScope();
        using var parsed = ParseToken(token);
        using var keys = parsed.DeriveKeys();
        var lookupId = keys.Verifier;
        var record = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.AsNoTracking().SingleAsync(c => c.MailboxLookupId == lookupId);
        return (token, record.CaseNumber);
    }

    private async Task ReplyAsync(string caseNumber, string text)
    {
        await using var scope = browser.App.CreateScope();
        var record = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.AsNoTracking().SingleAsync(c => c.CaseNumber == caseNumber);
        using var handler = await StaffWorld.UnlockAsync(scope, StaffWorld.WhistleblowingHandler);
        await HandlerWrites.ReplyAsync(scope, record.Id, handler, text);
    }

    private static Intake.Crypto.Mailbox.MailboxToken ParseToken(string token)
    {
        Assert.Equal(Intake.Crypto.Mailbox.MailboxTokenParseStatus.Ok, Intake.Crypto.Mailbox.MailboxToken.TryParse(token, out var parsed));
        return parsed!;
    }

    private static async Task<T> GotoDoorAsync<T>(IPage page, string door, Func<IPage, Task<T>> then)
    {
        await page.GotoAsync(door);
        await page.WaitForFunctionAsync("() => { const n = document.getElementById('mailbox-note'); return n && n.textContent === n.dataset.browserText; }");
        return await then(page);
    }

    private static async Task OpenAsync(IPage page, string door, string token)
    {
        await GotoDoorAsync(page, door, _ => Task.FromResult(0));
        await SubmitTokenAsync(page, token);
        await page.WaitForSelectorAsync("#mailbox-open .thread", new() { Timeout = 30_000 });
    }

    private static async Task SubmitTokenAsync(IPage page, string token)
    {
        await page.FillAsync("#Token", token);
        await page.ClickAsync("form.mailbox-door-form button[type=submit]");
    }

    private static void RequireBundle() =>
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, BundlePath)), $"{BundlePath} is missing: run ops/test.sh (npm run build) before the browser tests.");

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        return bytes;
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
}
