using Intake.Tests.Infrastructure;
using Intake.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;

namespace Intake.Tests.Browser;

/// <summary>
/// Sign-in, its one-time code, activation, the first code's set-up and a new account take seconds: in Chromium the
/// form says it is working in a live region and a second click sends nothing. So that the page stays to be looked at
/// while the post is under way, the test points the form at a frame of the page (its target); the page's script is
/// the same.
/// </summary>
public sealed class SlowActionsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    // The fixture's application is shared by the class: set the organisation up once.
    public Task InitializeAsync() => browser.App.EnsureSetUpAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public Task SignInAndSetUp_SayTheyAreWorking_AndAreSentOnce() =>
        browser.RunAsync("slow-sign-in", javaScript: true, async page =>
        {
            await page.GotoAsync("/Staff/SignIn");
            await page.FillAsync("#Username", StaffWorld.ThreatHandler);
            await page.FillAsync("#Passphrase", StaffWorld.Passphrase);
            Assert.Equal(1, await DoubleClickAsync(page, "main form.sign-in-form", "Loggar in"));

            await page.GotoAsync("/Staff/SignIn");
            await page.FillAsync("#Username", StaffWorld.ThreatHandler);
            await page.FillAsync("#Passphrase", StaffWorld.Passphrase);
            await page.ClickAsync("main form button[type=submit]");
            await page.WaitForURLAsync("**/Staff/SignIn/Enrol");
            var secret = Base32Encoding.ToBytes((await page.TextContentAsync("#totp-secret"))!.Trim());
            await page.FillAsync("#Code", browser.App.Services.GetRequiredService<TotpCodes>().CodeFor(secret, browser.App.Clock.GetUtcNow()));
            Assert.Equal(1, await DoubleClickAsync(page, "main form", "Slår på inloggningen"));
        });

    [Fact]
    public Task NewAccount_SaysItIsWorking_AndIsSentOnce() =>
        browser.RunAsync("slow-new-account", javaScript: true, async page =>
        {
            await browser.SignInAsync(page, StaffWorld.AdminName);
            await page.GotoAsync("/Staff/Admin/Users");
            await page.FillAsync("#NewUsername", "busy-" + Guid.NewGuid().ToString("N")[..8]);
            Assert.Equal(1, await DoubleClickAsync(page, "form[action*='handler=Create']", "Skapar kontot"));
            await AxeAssert.NoSeriousViolationsAsync(page, "new account while working");
        });

    [Fact]
    public Task Activation_SaysItIsWorking_AndIsSentOnce() =>
        browser.RunAsync("slow-activation", javaScript: true, async page =>
        {
            await page.GotoAsync("/Staff/SignIn/Activate");
            await page.FillAsync("#Username", "busy-" + Guid.NewGuid().ToString("N")[..8]);
            await page.FillAsync("#Code", "ABCD-EFGH-JKLM");
            await page.FillAsync("#Passphrase", StaffWorld.Passphrase);
            await page.FillAsync("#RepeatPassphrase", StaffWorld.Passphrase);
            Assert.Equal(1, await DoubleClickAsync(page, "main form", "Aktiverar kontot"));
            await AxeAssert.NoSeriousViolationsAsync(page, "activation while working");
        });

    [Fact]
    public Task SignInCode_SaysItIsWorking_AndIsSentOnce() =>
        browser.RunAsync("slow-sign-in-code", javaScript: true, async page =>
        {
            // Signed in once, the authenticator is set up: the next sign-in asks for its code on a page of its own.
            await browser.SignInAsync(page, StaffWorld.WhistleblowingHandler);
            await page.Context.ClearCookiesAsync();
            await page.GotoAsync("/Staff/SignIn");
            await page.FillAsync("#Username", StaffWorld.WhistleblowingHandler);
            await page.FillAsync("#Passphrase", StaffWorld.Passphrase);
            await page.ClickAsync("main form button[type=submit]");
            await page.WaitForURLAsync("**/Staff/SignIn/Code");
            await page.FillAsync("#Code", "123456");
            Assert.Equal(1, await DoubleClickAsync(page, "main form[data-busy]", "Loggar in"));
            await AxeAssert.NoSeriousViolationsAsync(page, "sign-in code while working");
        });

    /// <summary>
    /// Clicks the form's submit button twice, checks that the form says it is working (button disabled, busy, its
    /// live region naming <paramref name="status"/>), and returns how many times the form was sent (submissions no
    /// script held back).
    /// </summary>
    private static async Task<int> DoubleClickAsync(IPage page, string form, string status)
    {
        await page.EvaluateAsync(
            "f => { const sink = document.createElement('iframe'); sink.name = 'sink'; sink.title = 'sink'; document.body.append(sink); document.querySelector(f).target = 'sink'; " +
            "window.sent = 0; document.addEventListener('submit', e => setTimeout(() => { if (!e.defaultPrevented) window.sent++; }), true); }",
            form);
        var button = page.Locator(form + " button[type=submit]");
        await button.ClickAsync();
        await Assertions.Expect(button).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator(form + " [role=status][aria-live=polite]")).ToContainTextAsync(status);
        Assert.Equal("true", await page.GetAttributeAsync(form, "aria-busy"));
        await button.ClickAsync(new LocatorClickOptions { Force = true });
        await page.WaitForTimeoutAsync(500);
        return await page.EvaluateAsync<int>("() => window.sent");
    }
}
