using Intake.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Intake.Tests.Browser;

/// <summary>
/// Switching language in the middle of a report form on a phone: without JavaScript the form comes back in the
/// other language with what was typed (nothing sent), and still sends; with JavaScript leaving asks first.
/// </summary>
public sealed class LanguageSwitchBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => browser.App.EnsureSetUpAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("/report/whistleblowing", "en", "The language has been changed", "Report wrongdoing")]
    [InlineData("/en/report/whistleblowing", "sv", "Språket är bytt", "Rapportera missförhållanden")]
    public Task WithoutJavaScript_SwitchingLanguage_KeepsWhatWasTyped(string path, string target, string kept, string heading) =>
        browser.RunAsync("language-switch-form", javaScript: false, async page =>
        {
            await ReporterBrowser.OpenFormAsync(page, path, javaScript: false);
            await ReporterBrowser.FillRequiredAsync(page, path, "typed before switching");
            await ReporterBrowser.ChooseFilesAsync(page, new FilePayload { Name = "proof.txt", MimeType = "text/plain", Buffer = new byte[10] });

            await page.ClickAsync($".language-switch button[lang={target}]");
            await page.WaitForSelectorAsync("#language-kept");

            Assert.Equal(target, await page.GetAttributeAsync("html", "lang"));
            Assert.Contains(heading, await page.TextContentAsync("h1"), StringComparison.Ordinal);
            Assert.Equal("typed before switching", await page.InputValueAsync("#f-whatHappened"));
            Assert.Equal("fraud", await page.InputValueAsync("#f-category"));
            var notice = (await page.TextContentAsync("#language-kept"))!;
            Assert.Contains(kept, notice, StringComparison.Ordinal);
            Assert.Contains("proof.txt", notice, StringComparison.Ordinal);
            await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.id === 'language-kept'");
            await ReporterBrowser.AssertFitsAPhoneAsync(page);

            // Nothing was sent: sending now is the first report, and it goes through.
            Assert.Empty(await page.Locator("#receipt").AllAsync());
            var token = await ReporterBrowser.SendAndReadTokenAsync(page);
            Assert.False(string.IsNullOrEmpty(token));
        }, ReporterBrowser.Phone390(path.StartsWith("/en", StringComparison.Ordinal) ? "en-GB" : "sv-SE"));

    [Fact]
    public Task WithoutJavaScript_EnterInAField_StillSendsTheReport() =>
        browser.RunAsync("language-switch-enter", javaScript: false, async page =>
        {
            const string path = "/report/threat";
            await ReporterBrowser.OpenFormAsync(page, path, javaScript: false);
            await ReporterBrowser.FillRequiredAsync(page, path, "sent with enter");

            await page.FocusAsync("#f-department");
            await page.Keyboard.PressAsync("Enter");

            await page.WaitForSelectorAsync("#receipt #mailbox-token:not(:empty)", new() { Timeout = 60_000 });
            Assert.Equal("sv", await page.GetAttributeAsync("html", "lang"));
        }, ReporterBrowser.Phone390());

    [Fact]
    public Task WithJavaScript_TheSwitchIsALink_AndLeavingWithTextAsksFirst() =>
        browser.RunAsync("language-switch-js", javaScript: true, async page =>
        {
            ReporterBrowser.RequireBundle();
            const string path = "/report/whistleblowing";
            await ReporterBrowser.OpenFormAsync(page, path, javaScript: true);
            await page.FillAsync("#f-whatHappened", "typed with script");
            var asked = new List<string>();
            void Dismiss(object? sender, IDialog dialog)
            {
                asked.Add(dialog.Type);
                _ = dialog.DismissAsync();
            }

            page.Dialog += Dismiss;
            await page.ClickAsync(".language-switch button[lang=en]");
            await page.WaitForFunctionAsync("() => true");
            Assert.Equal(["beforeunload"], asked);
            Assert.Equal("sv", await page.GetAttributeAsync("html", "lang"));
            Assert.Equal("typed with script", await page.InputValueAsync("#f-whatHappened"));
            await ReporterBrowser.AssertAccessibleAsync(page);

            page.Dialog -= Dismiss;
            page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
            await page.ClickAsync(".language-switch button[lang=en]");
            await page.WaitForURLAsync("**/en/report/whistleblowing");
            Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
            Assert.Equal(string.Empty, await page.InputValueAsync("#f-whatHappened"));
        }, ReporterBrowser.Phone390());
}
