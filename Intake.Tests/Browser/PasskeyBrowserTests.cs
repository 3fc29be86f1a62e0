using System.Security.Cryptography;
using System.Text;
using Intake.Crypto.Age.Fido2Prf;
using Intake.Crypto.Mailbox;
using Intake.Tests.Infrastructure;
using Intake.Web.Accounts;
using Intake.Web.Accounts.Passkeys;
using Intake.Web.Audit;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Intake.Tests.Browser;

/// <summary>
/// Passkeys in Chromium with a virtual authenticator: registration on the account page, a sign-in with the passkey
/// alone that really opens the channel keys, two passkeys each working alone, removal, an administrator's reset, a
/// passkey without PRF as the second factor, a wrong origin refused, and no PRF output in the logs or the database.
/// </summary>
public sealed class PasskeyBrowserTests(PasskeyBrowserFixture browser) : IClassFixture<PasskeyBrowserFixture>
{
    [Fact]
    public async Task PasskeyAlone_SignsIn_AndTheHandlerReadsAndAnswersACase()
    {
        const string handler = "pk-reader";
        var reportText = "passkey-report-" + Guid.NewGuid().ToString("N");
        var token = await SubmitAsync(reportText);
        var caseNumber = await CaseNumberOfAsync(token);
        var page = await browser.OpenPageAsync();
        var authenticator = await PasskeyBrowserFixture.AddAuthenticatorAsync(page);

        await browser.SignInAsync(page, handler);
        await PasskeyBrowserFixture.RegisterPasskeyAsync(page, "Laptop");
        var row = page.Locator("table.passkeys tbody tr", new() { HasText = "Laptop" });
        Assert.Equal(1, await row.CountAsync());
        Assert.Contains("Inloggning och personlig nyckel", await row.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await authenticator.CountAsync());

        await PasskeyBrowserFixture.SignOutAsync(page);
        Assert.Null(await PasskeyBrowserFixture.SignInWithPasskeyAsync(page));

        await page.GotoAsync("/Staff/Cases");
        await page.Locator("table.inbox tbody tr", new() { HasText = caseNumber }).Locator($"a:text-is('{caseNumber}')").ClickAsync();
        Assert.Contains(reportText, await page.TextContentAsync("main"), StringComparison.Ordinal);
        var reply = "passkey-reply-" + Guid.NewGuid().ToString("N");
        await page.FillAsync("#reply-text", reply);
        await page.CheckAsync("#purpose-acknowledgement");
        await page.ClickAsync("#send-reply");
        Assert.True(await page.IsVisibleAsync("#status-message"));
        Assert.Contains(reply, await page.TextContentAsync("main"), StringComparison.Ordinal);

        await using var scope = browser.App.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var user = await StaffWorld.UserAsync(scope, handler);
        var passkey = await db.StaffPasskeys.AsNoTracking().SingleAsync(p => p.StaffUserId == user.Id);
        Assert.True(passkey.UnlocksKey);
        Assert.NotNull(passkey.LastUsedOn);
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.SubjectId == user.Id).ToListAsync();
        Assert.Contains(entries, e => e.Kind == AuditKinds.PasskeyRegistered && e.Detail == AuditDetails.PasskeyUnlocksKey);
        Assert.Contains(entries, e => e.Kind == AuditKinds.SignInSucceeded && e.Detail == AuditDetails.Passkey);
    }

    [Fact]
    public async Task TwoPasskeys_EachSignsInAlone_AndARemovedOneNoLonger()
    {
        const string handler = "pk-pair";
        var first = await browser.OpenPageAsync();
        var second = await browser.OpenPageAsync();
        await PasskeyBrowserFixture.AddAuthenticatorAsync(first);
        await PasskeyBrowserFixture.AddAuthenticatorAsync(second);
        await browser.SignInAsync(first, handler);
        await PasskeyBrowserFixture.RegisterPasskeyAsync(first, "Laptop");
        await browser.SignInAsync(second, handler);
        await PasskeyBrowserFixture.RegisterPasskeyAsync(second, "Telefon");
        Assert.Equal(2, await second.Locator("table.passkeys tbody tr").CountAsync());

        await PasskeyBrowserFixture.SignOutAsync(first);
        await PasskeyBrowserFixture.SignOutAsync(second);
        Assert.Null(await PasskeyBrowserFixture.SignInWithPasskeyAsync(first));
        Assert.Null(await PasskeyBrowserFixture.SignInWithPasskeyAsync(second));

        // The first browser removes the second passkey: that one no longer signs in, the first still does.
        await first.GotoAsync("/Staff/Account/Passkeys");
        await first.Locator("table.passkeys tbody tr", new() { HasText = "Telefon" }).Locator("button[type=submit]").ClickAsync();
        Assert.Contains("done=removed", first.Url, StringComparison.Ordinal);
        Assert.Equal(1, await first.Locator("table.passkeys tbody tr").CountAsync());
        await PasskeyBrowserFixture.SignOutAsync(first);
        await PasskeyBrowserFixture.SignOutAsync(second);
        Assert.NotNull(await PasskeyBrowserFixture.SignInWithPasskeyAsync(second));
        Assert.Null(await PasskeyBrowserFixture.SignInWithPasskeyAsync(first));

        // Removing the last passkey leaves the passphrase.
        await first.GotoAsync("/Staff/Account/Passkeys");
        await first.Locator("table.passkeys tbody tr", new() { HasText = "Laptop" }).Locator("button[type=submit]").ClickAsync();
        Assert.True(await first.IsVisibleAsync("#no-passkeys"));
        await PasskeyBrowserFixture.SignOutAsync(first);
        await browser.SignInAsync(first, handler);

        await using var scope = browser.App.CreateScope();
        var user = await StaffWorld.UserAsync(scope, handler);
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        Assert.False(await db.StaffPasskeys.AnyAsync(p => p.StaffUserId == user.Id));
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.SubjectId == user.Id && e.Kind == AuditKinds.PasskeyRemoved));
        // A removed passkey is unknown: its failed sign-in names nobody.
        Assert.True(await db.AuditEntries.AnyAsync(e => e.SubjectId == null && e.Kind == AuditKinds.SignInFailed && e.Detail == AuditDetails.Passkey));
    }

    [Fact]
    public async Task AdministratorsReset_RemovesThePasskeysAndTheirWraps()
    {
        const string handler = "pk-reset";
        var page = await browser.OpenPageAsync();
        await PasskeyBrowserFixture.AddAuthenticatorAsync(page);
        await browser.SignInAsync(page, handler);
        await PasskeyBrowserFixture.RegisterPasskeyAsync(page, "Laptop");
        await PasskeyBrowserFixture.SignOutAsync(page);

        await using (var scope = browser.App.CreateScope())
        {
            var admin = await StaffWorld.UserAsync(scope, StaffWorld.AdminName);
            var user = await StaffWorld.UserAsync(scope, handler);
            await scope.ServiceProvider.GetRequiredService<AccountService>().ResetAsync(admin.Id, user.Id);
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            Assert.False(await db.StaffPasskeys.AnyAsync(p => p.StaffUserId == user.Id));
            Assert.Contains(await db.AuditEntries.Where(e => e.SubjectId == user.Id && e.Kind == AuditKinds.PasskeyRemoved).Select(e => e.Detail).ToListAsync(),
                d => d == "passkeys=1");
        }

        Assert.Equal("Nyckeln godtogs inte. Försök igen, eller logga in med lösenfras.", await PasskeyBrowserFixture.SignInWithPasskeyAsync(page));
    }

    [Fact]
    public async Task PasskeyWithoutPrf_IsTheSecondFactorInsteadOfTheCode()
    {
        const string handler = "pk-factor";
        var page = await browser.OpenPageAsync();
        await PasskeyBrowserFixture.AddAuthenticatorAsync(page, prf: false);
        await browser.SignInAsync(page, handler);
        await PasskeyBrowserFixture.RegisterPasskeyAsync(page, "Säkerhetsnyckel");
        Assert.Contains("done=added-second-factor", page.Url, StringComparison.Ordinal);
        Assert.Contains("Andra steget efter lösenfrasen", await page.TextContentAsync("table.passkeys"), StringComparison.Ordinal);
        await PasskeyBrowserFixture.SignOutAsync(page);

        // Alone it opens no key: the page says to use the passphrase first.
        var alone = await PasskeyBrowserFixture.SignInWithPasskeyAsync(page);
        Assert.Contains("lösenfras", alone, StringComparison.Ordinal);

        await page.GotoAsync("/Staff/SignIn");
        await page.FillAsync("#Username", handler);
        await page.FillAsync("#Passphrase", StaffWorld.Passphrase);
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync(url => url.EndsWith("/Staff/SignIn/Code", StringComparison.Ordinal));
        await page.ClickAsync("form[data-passkey=second-factor] [data-passkey-start]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/Staff");
        await page.GotoAsync("/Staff/Cases");
        Assert.Equal("/Staff/Cases", new Uri(page.Url).AbsolutePath);

        await using var scope = browser.App.CreateScope();
        var user = await StaffWorld.UserAsync(scope, handler);
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        Assert.Null((await db.StaffPasskeys.AsNoTracking().SingleAsync(p => p.StaffUserId == user.Id)).SealedIdentity);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.SubjectId == user.Id && e.Kind == AuditKinds.SignInSucceeded && e.Detail == AuditDetails.PasskeyFactor));
    }

    [Fact]
    public async Task PasskeyAtAnotherOrigin_IsRefused()
    {
        const string handler = "pk-origin";
        var page = await browser.OpenPageAsync();
        await PasskeyBrowserFixture.AddAuthenticatorAsync(page);
        await browser.SignInAsync(page, handler);
        await PasskeyBrowserFixture.RegisterPasskeyAsync(page, "Laptop");
        await PasskeyBrowserFixture.SignOutAsync(page);

        // The same relying party id (localhost) on another port: the browser offers the passkey, the server refuses it.
        await page.GotoAsync(new Uri(browser.OtherOrigin, "/Staff/SignIn").ToString());
        await page.ClickAsync("form[data-passkey=sign-in] [data-passkey-start]");
        var error = page.Locator("form[data-passkey=sign-in] [data-passkey-error]");
        await error.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        Assert.StartsWith(browser.OtherOrigin.ToString().TrimEnd('/') + "/Staff/SignIn", page.Url, StringComparison.Ordinal);

        await using var scope = browser.App.CreateScope();
        var user = await StaffWorld.UserAsync(scope, handler);
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.SubjectId == user.Id && e.Kind == AuditKinds.SignInFailed && e.Detail == AuditDetails.Passkey));
        Assert.Null((await db.StaffPasskeys.AsNoTracking().SingleAsync(p => p.StaffUserId == user.Id)).LastUsedOn);
    }

    [Fact]
    public async Task PrfOutputs_NeverReachTheLogsOrTheDatabase()
    {
        const string handler = "pk-secret";
        var page = await browser.OpenPageAsync();
        await PasskeyBrowserFixture.AddAuthenticatorAsync(page);
        await browser.SignInAsync(page, handler);
        await PasskeyBrowserFixture.RegisterPasskeyAsync(page, "Laptop");
        await PasskeyBrowserFixture.SignOutAsync(page);
        Assert.Null(await PasskeyBrowserFixture.SignInWithPasskeyAsync(page));

        // What the passkey answers for this instance's PRF inputs: exactly what the sign-in sent.
        var (firstInput, secondInput) = Fido2PrfKey.Inputs(browser.App.Services.GetRequiredService<PasskeyRelyingParty>().PrfNonce);
        var outputs = await page.EvaluateAsync<string[]>(
            """
            async ([first, second]) => {
              const bytes = (hex) => Uint8Array.from(hex.match(/../g), (h) => parseInt(h, 16));
              const credential = await navigator.credentials.get({ publicKey: {
                challenge: new Uint8Array(16), userVerification: "required",
                extensions: { prf: { eval: { first: bytes(first), second: bytes(second) } } } } });
              const results = credential.getClientExtensionResults().prf.results;
              const hex = (b) => [...new Uint8Array(b)].map((v) => v.toString(16).padStart(2, "0")).join("");
              return [hex(results.first), hex(results.second)];
            }
            """,
            new[] { Convert.ToHexString(firstInput), Convert.ToHexString(secondInput) });
        var first = Convert.FromHexString(outputs[0]);
        var second = Convert.FromHexString(outputs[1]);
        var wrapKey = new byte[32];
        HKDF.Extract(HashAlgorithmName.SHA256, [.. first, .. second], Encoding.ASCII.GetBytes(Fido2PrfKey.Label), wrapKey);

        var secrets = new[] { first, second, wrapKey };
        var haystacks = new List<byte[]>();
        foreach (var file in Directory.GetFiles(browser.App.DataDirectory, "*", SearchOption.AllDirectories))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            haystacks.Add(copy.ToArray());
        }

        haystacks.Add(Encoding.UTF8.GetBytes(string.Join('\n', browser.App.Logs.RenderAll())));
        foreach (var secret in secrets)
        {
            foreach (var form in Forms(secret))
            {
                Assert.DoesNotContain(haystacks, h => h.AsSpan().IndexOf(form) >= 0);
            }
        }
    }

    /// <summary>A secret as raw bytes and as every text encoding a careless log line might use.</summary>
    private static IEnumerable<byte[]> Forms(byte[] secret)
    {
        yield return secret;
        var base64 = Convert.ToBase64String(secret);
        foreach (var text in new[] { Convert.ToHexString(secret), Convert.ToHexStringLower(secret), base64.TrimEnd('='), base64.TrimEnd('=').Replace('+', '-').Replace('/', '_') })
        {
            yield return Encoding.ASCII.GetBytes(text);
        }
    }

    private async Task<string> SubmitAsync(string text)
    {
        using var reporter = new ReporterClient(browser.App);
        reporter.Http.BaseAddress = browser.BaseAddress;
        var (_, receipt) = await reporter.SubmitAsync("/report/whistleblowing", ReporterClient.MinimalWhistleblowing(text));
        return ReporterClient.TokenOn(receipt);
    }

    private async Task<string> CaseNumberOfAsync(string token)
    {
        Assert.Equal(MailboxTokenParseStatus.Ok, MailboxToken.TryParse(token, out var parsed));
        using (parsed)
        using (var keys = parsed!.DeriveKeys())
        {
            var lookupId = keys.Verifier;
            await using var scope = browser.App.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            return await db.Cases.AsNoTracking().Where(c => c.MailboxLookupId == lookupId).Select(c => c.CaseNumber).SingleAsync();
        }
    }
}
