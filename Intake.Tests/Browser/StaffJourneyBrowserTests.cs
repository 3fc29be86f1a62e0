using Deque.AxeCore.Playwright;
using Intake.Tests.Infrastructure;
using Intake.Web.Accounts;
using Intake.Web.Organisation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;

namespace Intake.Tests.Browser;

/// <summary>Set-up through the wizard, then the administrator's first sign-in with TOTP enrolment, in Chromium without JavaScript.</summary>
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
            await page.FillAsync("#Input_Administrator_Passphrase", StaffWorld.Passphrase);
            await page.FillAsync("#Input_WhistleblowingHandler_Username", "wb-first");
            await page.FillAsync("#Input_ThreatHandler_Username", "tv-first");
            await page.ClickAsync("main form button[type=submit]");

            Assert.EndsWith("/setup/recovery", page.Url, StringComparison.Ordinal);
            var secret = (await page.TextContentAsync("code.secret"))!.Trim();
            Assert.True(await page.IsVisibleAsync("svg.qr"));
            Assert.Equal(2, await page.Locator("dl.pairs dt").CountAsync());
            await page.FillAsync("#Confirmation", secret[^8..]);
            await page.ClickAsync("main form button[type=submit]");
            Assert.EndsWith("/setup/done", page.Url, StringComparison.Ordinal);

            await page.ClickAsync("main a.button");
            await page.FillAsync("#Username", "admin");
            await page.FillAsync("#Passphrase", StaffWorld.Passphrase);
            await page.ClickAsync("main form button[type=submit]");
            Assert.EndsWith("/Staff/SignIn/Enrol", page.Url, StringComparison.Ordinal);
            var totpSecret = Base32Encoding.ToBytes((await page.TextContentAsync("#totp-secret"))!.Trim());
            var totp = browser.App.Services.GetRequiredService<TotpCodes>().CodeFor(totpSecret, browser.App.Clock.GetUtcNow());
            await page.FillAsync("#Code", totp);
            await page.ClickAsync("main form button[type=submit]");

            Assert.EndsWith("/Staff", page.Url, StringComparison.Ordinal);
            Assert.Contains("administratör", await page.TextContentAsync("main"), StringComparison.Ordinal);
            Assert.Contains(await page.Context.CookiesAsync(), c => c.Name == "intake.staff" && c.HttpOnly && c.SameSite == SameSiteAttribute.Strict);
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
    public Task Page_HasNoSeriousOrCriticalViolation(string path) =>
        browser.RunAsync("axe-staff", javaScript: true, async page =>
        {
            await page.GotoAsync(path);
            var result = await page.RunAxe();

            var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ToList();
            Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious));
        });
}
