using Deque.AxeCore.Playwright;
using Intake.Tests.Infrastructure;
using Intake.Web.Accounts;
using Intake.Web.Organisation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;

namespace Intake.Tests.Browser;

/// <summary>
/// Set-up through the wizard (the recovery key on a sheet of its own, then the activation codes), then the
/// administrator activates their own account with the code, chooses a passphrase and enrols TOTP, in Chromium
/// without JavaScript.
/// </summary>
public sealed class StaffJourneyBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public Task SetupWizardThenFirstSignIn_WithoutJavaScript() =>
        browser.RunAsync("staff-journey", javaScript: false, async page =>
        {
            var code = browser.App.Services.GetRequiredService<SetupCode>().Issue();
            await page.GotoAsync("/setup");
            await page.FillAsync("#Input_SetupCode", code);
            await page.FillAsync("#Input_OrganisationName", "Exempelby kommun");
            await page.FillAsync("#Input_Administrator_Username", "admin");
            Assert.Equal(0, await page.Locator("input[type=password]").CountAsync());
            await page.FillAsync("#Input_WhistleblowingHandler_Username", "wb-first");
            await page.FillAsync("#Input_ThreatHandler_Username", "tv-first");
            await page.ClickAsync("main form button[type=submit]");

            Assert.EndsWith("/setup/recovery", page.Url, StringComparison.Ordinal);
            var secret = (await page.TextContentAsync("code.secret"))!.Trim();
            Assert.True(await page.IsVisibleAsync("svg.qr"));
            Assert.True(await page.IsVisibleAsync("#recovery-keeper"));
            Assert.Equal(0, await page.Locator("#activation-codes").CountAsync());
            await page.FillAsync("#Confirmation", secret[^8..]);
            await page.ClickAsync("main form button[type=submit]");

            // The second sheet: one activation code per account, and no recovery key on it.
            Assert.Equal(3, await page.Locator("#activation-codes code[data-username]").CountAsync());
            Assert.DoesNotContain("AGE-SECRET-KEY", await page.ContentAsync(), StringComparison.Ordinal);
            var activationCode = (await page.TextContentAsync("#activation-codes code[data-username=admin]"))!.Trim();

            await page.ClickAsync("main a.button");
            Assert.EndsWith("/Staff/SignIn/Activate", page.Url, StringComparison.Ordinal);
            await page.FillAsync("#Username", "admin");
            await page.FillAsync("#Code", activationCode.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal));
            await page.FillAsync("#Passphrase", StaffWorld.Passphrase);
            await page.FillAsync("#RepeatPassphrase", StaffWorld.Passphrase);
            await page.ClickAsync("main form button[type=submit]");
            Assert.EndsWith("/Staff/SignIn/Enrol", page.Url, StringComparison.Ordinal);
            var totpSecret = Base32Encoding.ToBytes((await page.TextContentAsync("#totp-secret"))!.Trim());
            var totp = browser.App.Services.GetRequiredService<TotpCodes>().CodeFor(totpSecret, browser.App.Clock.GetUtcNow());
            await page.FillAsync("#Code", totp);
            await page.ClickAsync("main form button[type=submit]");

            Assert.EndsWith("/Staff", page.Url, StringComparison.Ordinal);
            Assert.Contains("administratör", await page.TextContentAsync("main"), StringComparison.Ordinal);
            Assert.Contains(await page.Context.CookiesAsync(), c => c.Name == "intake.staff" && c.HttpOnly && c.SameSite == SameSiteAttribute.Strict);

            // The passphrase the owner chose is the one that signs in from now on.
            await page.GotoAsync("/Staff/Account");
            Assert.Matches("^[0-9A-F]{4}(-[0-9A-F]{4}){4}$", (await page.TextContentAsync("#own-fingerprint"))!.Trim());
        });
}

/// <summary>Accessibility of the set-up and sign-in pages.</summary>
public sealed class StaffPagesAccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("/setup")]
    [InlineData("/en/setup")]
    [InlineData("/Staff/SignIn")]
    [InlineData("/en/Staff/SignIn")]
    [InlineData("/Staff/SignIn/Activate")]
    [InlineData("/fi/Staff/SignIn/Activate")]
    public Task Page_HasNoSeriousOrCriticalViolation(string path) =>
        browser.RunAsync("axe-staff", javaScript: true, async page =>
        {
            await page.GotoAsync(path);
            var result = await page.RunAxe();

            var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ToList();
            Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious));
        });
}
