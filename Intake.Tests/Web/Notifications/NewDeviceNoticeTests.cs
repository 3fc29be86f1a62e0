using System.Text;
using Intake.Tests.Infrastructure;
using Intake.Web.Accounts;
using Intake.Web.Audit;
using Intake.Web.Notifications;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Intake.Tests.Web.Notifications;

/// <summary>
/// A sign-in from a browser the account has not signed in from before sends its owner a content-free security
/// notice; the browser is recognised by the random device id in its device cookie, of which the server keeps only a
/// hash bound to the account, and neither the address nor the user agent it came with is kept, logged or mailed.
/// Activation is silent.
/// </summary>
public sealed class NewDeviceNoticeTests : NotificationTestBase
{
    private const string Subject = "Ny inloggning på ditt konto i Intake";
    private const string UserAgent = "KanarieWebblasare/7.3 (X11; Kanariefagel)";
    private const string ForwardedAddress = "203.0.113.58";

    [Fact]
    public async Task Activation_IsSilent_TheSameBrowserTwice_WarnsOnce_AndASecondBrowser_WarnsAgain()
    {
        using (var activation = Browser())
        {
            await SignedInAsync(activation, StaffWorld.WhistleblowingHandler);
        }

        // Activation warns of nothing: no new browser, no "authenticator changed".
        Assert.Empty(await OutboxAsync());

        using var first = Browser();
        await SignedInAsync(first, StaffWorld.WhistleblowingHandler);
        await SignOutAsync(first);
        await SignedInAsync(first, StaffWorld.WhistleblowingHandler);
        await SendDueAsync();

        var warning = Assert.Single(NewDeviceMails());
        Assert.Equal(AddressOf(StaffWorld.WhistleblowingHandler), warning.Recipient);
        Assert.Contains("från en webbläsare eller enhet som inte har använts för kontot förut", warning.Body, StringComparison.Ordinal);
        Assert.Contains("https://intake.kommun.example/Staff/SignIn", warning.Body, StringComparison.Ordinal);

        using var second = Browser();
        await SignedInAsync(second, StaffWorld.WhistleblowingHandler);
        await SendDueAsync();

        var warnings = NewDeviceMails();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, m => Assert.Equal(AddressOf(StaffWorld.WhistleblowingHandler), m.Recipient));
        Assert.DoesNotContain(Smtp.Received, m => m.Recipient != AddressOf(StaffWorld.WhistleblowingHandler));
        foreach (var mail in warnings)
        {
            var raw = Encoding.UTF8.GetString(mail.Raw);
            Assert.DoesNotContain("Kanarie", raw, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(ForwardedAddress, raw, StringComparison.Ordinal);
            Assert.DoesNotContain("127.0.0.1", mail.Body, StringComparison.Ordinal);
        }

        await using var scope = App.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var user = await StaffWorld.UserAsync(scope, StaffWorld.WhistleblowingHandler);
        Assert.Equal(3, await db.KnownDevices.CountAsync(d => d.StaffUserId == user.Id));
        var signIns = await db.AuditEntries.AsNoTracking().Where(e => e.Kind == AuditKinds.SignInSucceeded && e.SubjectId == user.Id)
            .OrderBy(e => e.Sequence).Select(e => e.Detail).ToListAsync();
        Assert.Equal([null, AuditDetails.NewDevice, null, AuditDetails.NewDevice], signIns);
    }

    [Fact]
    public async Task DeviceCookie_IsLongLived_HttpOnly_Secure_Strict_AndOnlyItsHashIsKept_WithNoAddressOrUserAgentAnywhere()
    {
        var recorder = new SetCookieRecorder();
        using (var browser = Browser(recorder))
        {
            await SignedInAsync(browser, StaffWorld.WhistleblowingHandler);
            await SignOutAsync(browser);
            await SignedInAsync(browser, StaffWorld.WhistleblowingHandler);
        }

        Guid userId;
        await using (var scope = App.CreateScope())
        {
            userId = (await StaffWorld.UserAsync(scope, StaffWorld.WhistleblowingHandler)).Id;
        }

        var name = SignInDevices.CookieName;
        var set = recorder.Headers.Where(h => h.StartsWith(name + "=", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, set.Count);
        var attributes = set[0].ToLowerInvariant();
        Assert.Contains("; max-age=15552000", attributes, StringComparison.Ordinal);
        Assert.Contains("; path=/", attributes, StringComparison.Ordinal);
        Assert.Contains("; secure", attributes, StringComparison.Ordinal);
        Assert.Contains("; samesite=strict", attributes, StringComparison.Ordinal);
        Assert.Contains("; httponly", attributes, StringComparison.Ordinal);
        var tokens = set.Select(h => h.Split(';')[0][(name.Length + 1)..]).ToList();
        Assert.DoesNotContain(tokens, t => t.Contains(userId.ToString("N"), StringComparison.OrdinalIgnoreCase));

        // The same browser is one device: its second sign-in renewed the cookie and added no row.
        await using (var scope = App.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            Assert.Equal(1, await db.KnownDevices.CountAsync(d => d.StaffUserId == userId));
        }

        // Stop the application so that everything it wrote is in the files, then read every byte it keeps.
        var logs = string.Join('\n', App.Logs.RenderAll());
        var data = App.DataDirectory;
        await RestartAsync();
        var stored = Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories)
            .Select(path => Encoding.Latin1.GetString(File.ReadAllBytes(path))).ToList();
        Assert.NotEmpty(stored);
        Assert.DoesNotContain(stored, text => tokens.Any(token => text.Contains(token, StringComparison.Ordinal)));
        Assert.DoesNotContain(stored, text => text.Contains("Kanarie", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(stored, text => text.Contains(ForwardedAddress, StringComparison.Ordinal));
        Assert.DoesNotContain("Kanarie", logs, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(ForwardedAddress, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(tokens, token => logs.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task APersonWhoMutedNewBrowsers_IsNotTold_WhileOthers_AdministratorIncluded_Are()
    {
        using (var handler = Browser())
        {
            await SignedInAsync(handler, StaffWorld.WhistleblowingHandler);
            using var get = await handler.Http.GetAsync(new Uri("/Staff/Account/Notifications", UriKind.Relative));
            var page = await Html.ParseAsync(get);
            var box = page.QuerySelector("input[name=Topics][value=NewDevices]");
            Assert.NotNull(box);
            Assert.True(box.HasAttribute("checked"));
            Assert.False(box.HasAttribute("disabled"));
            var form = page.QuerySelector("form[action*='handler=Preferences']")!;
            List<KeyValuePair<string, string>> values =
            [
                new("__RequestVerificationToken", form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
                new("Language", "sv"),
                .. NotificationTopics.All.Where(t => t is not (NoticeTopics.NewDevices or NoticeTopics.Security)).Select(t => new KeyValuePair<string, string>("Topics", t.ToString())),
            ];
            using var content = new FormUrlEncodedContent(values);
            using var saved = await handler.Http.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), content);
            Assert.Contains("Dina val är sparade", (await Html.ParseAsync(saved)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        }

        using (var admin = Browser())
        {
            await SignedInAsync(admin, StaffWorld.AdminName);
        }

        using (var elsewhere = Browser())
        {
            await SignedInAsync(elsewhere, StaffWorld.WhistleblowingHandler);
        }

        using (var adminElsewhere = Browser())
        {
            await SignedInAsync(adminElsewhere, StaffWorld.AdminName);
        }

        await SendDueAsync();

        var warning = Assert.Single(NewDeviceMails());
        Assert.Equal(AddressOf(StaffWorld.AdminName), warning.Recipient);
    }

    [Fact]
    public async Task ANewAuthenticatorOnTheAccountPage_IsToldOf_UnlikeActivation()
    {
        // Re-enrolment asks for the current passphrase as well as a code from the new authenticator.
        using var browser = Browser();
        await SignedInAsync(browser, StaffWorld.ThreatHandler);
        Assert.Empty(await OutboxAsync());

        using var get = await browser.Http.GetAsync(new Uri("/Staff/Account/Totp", UriKind.Relative));
        var page = await Html.ParseAsync(get);
        var secret = Base32Encoding.ToBytes(page.QuerySelector("#totp-secret")!.TextContent.Trim());
        App.Clock.Advance(TimeSpan.FromSeconds(30));
        var code = App.Services.GetRequiredService<TotpCodes>().CodeFor(secret, App.Clock.GetUtcNow());
        using var changed = await browser.PostFormAsync(get, page, new() { ["Code"] = code, ["Passphrase"] = StaffWorld.Passphrase }, "main form.form");
        Assert.True(changed.IsSuccessStatusCode, changed.StatusCode.ToString());
        Assert.Contains("Den nya autentiseringsappen är registrerad", (await Html.ParseAsync(changed)).QuerySelector("[role=status]")?.TextContent, StringComparison.Ordinal);
        await SendDueAsync();

        var mail = Assert.Single(Smtp.Received);
        Assert.Equal(AddressOf(StaffWorld.ThreatHandler), mail.Recipient);
        Assert.Equal("Din autentiseringsapp i Intake har bytts", mail.Subject);
    }

    [Fact]
    public async Task AfterAnAccountReset_ItsBrowsersAreForgotten()
    {
        using (var before = Browser())
        {
            await SignedInAsync(before, StaffWorld.ThreatHandler);
        }

        await using var scope = App.CreateScope();
        var admin = await StaffWorld.UserAsync(scope, StaffWorld.AdminName);
        var user = await StaffWorld.UserAsync(scope, StaffWorld.ThreatHandler);
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        Assert.Equal(1, await db.KnownDevices.CountAsync(d => d.StaffUserId == user.Id));

        await scope.ServiceProvider.GetRequiredService<AccountService>().ResetAsync(admin.Id, user.Id);

        Assert.Equal(0, await db.KnownDevices.CountAsync(d => d.StaffUserId == user.Id));
    }

    private List<ReceivedMail> NewDeviceMails() => [.. Smtp.Received.Where(m => m.Subject == Subject)];

    /// <summary>A browser of its own (its own cookies) that sends a telling user agent and a forwarded client address.</summary>
    private StaffBrowserClient Browser(params DelegatingHandler[] observers) =>
        new(App, new Uri("https://localhost/"), [new Disguise(), .. observers]);

    private static async Task SignedInAsync(StaffBrowserClient browser, string username)
    {
        using var response = await browser.SignInAsync(username);
        Assert.Equal("/Staff", response.RequestMessage!.RequestUri!.AbsolutePath.TrimEnd('/'));
    }

    private static async Task SignOutAsync(StaffBrowserClient browser)
    {
        using var response = await browser.SubmitAsync("/Staff", [], "form[action$='/Staff/SignOut']");
        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
    }

    private sealed class Disguise : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.UserAgent.Clear();
            request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", ForwardedAddress);
            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class SetCookieRecorder : DelegatingHandler
    {
        private readonly List<string> _headers = [];

        public IReadOnlyList<string> Headers
        {
            get
            {
                lock (_headers)
                {
                    return [.. _headers];
                }
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
            {
                lock (_headers)
                {
                    _headers.AddRange(values);
                }
            }

            return response;
        }
    }
}
