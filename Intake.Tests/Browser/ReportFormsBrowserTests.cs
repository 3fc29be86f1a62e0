using System.Text;
using Intake.Crypto.Age;
using Intake.Crypto.Mailbox;
using Intake.Tests.Infrastructure;
using Intake.Web.Cases;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Intake.Tests.Browser;

/// <summary>
/// Issue 16, the forms, on a 390 px phone with JavaScript off and on: name and contact appear only with a named or
/// confidential choice (grouped under it, and never kept for an anonymous report), the key's fingerprint sits in
/// a collapsed "Advanced" section in plain words, and with JavaScript the form goes in steps with a progress
/// indicator while without it the form stays one page.
/// </summary>
public sealed class ReportFormsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private static readonly string[] _onePageParts = ["#s-what", "#s-identity", "#s-follow-up", "#s-files", "form.report-form button[type=submit]"];

    public Task InitializeAsync() => browser.App.EnsureSetUpAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static string LocaleOf(string path) =>
        path.StartsWith("/en/", StringComparison.Ordinal) ? "en-GB" : path.StartsWith("/fi/", StringComparison.Ordinal) ? "fi-FI" : "sv-SE";

    [Theory]
    [InlineData("/report/whistleblowing", false, "Bara om du valt att lämna ditt namn")]
    [InlineData("/report/whistleblowing", true, "Bara om du valt att lämna ditt namn")]
    [InlineData("/en/report/threat", false, "Only if you chose to give your name")]
    [InlineData("/en/report/threat", true, "Only if you chose to give your name")]
    public Task NameAndContact_ShowOnlyForANamedOrConfidentialChoice_GroupedUnderIt(string path, bool javaScript, string legend)
    {
        if (javaScript)
        {
            ReporterBrowser.RequireBundle();
        }

        return browser.RunAsync("forms-identity", javaScript, async page =>
        {
            await ReporterBrowser.OpenFormAsync(page, path, javaScript);
            await ReporterBrowser.FillRequiredAsync(page, path, "told");
            await ReporterBrowser.ShowStepOfAsync(page, "#f-identityMode-0");
            await page.CheckAsync("#f-identityMode-0");
            Assert.False(await page.IsVisibleAsync("#f-name"));
            Assert.False(await page.IsVisibleAsync("#f-contact"));
            Assert.True(await page.IsVisibleAsync("#identity-reveal-hint"));

            await page.CheckAsync("#f-identityMode-2");
            Assert.True(await page.IsVisibleAsync("#f-name"));
            Assert.True(await page.IsVisibleAsync("#f-contact"));
            Assert.Equal(legend, (await page.TextContentAsync("#identity-details > legend"))!.Trim());
            Assert.Equal(1, await page.Locator("#identity-details #f-name").CountAsync());
            Assert.False(await page.IsVisibleAsync("#identity-reveal-hint"));

            await page.CheckAsync("#f-identityMode-1");
            Assert.True(await page.IsVisibleAsync("#f-name"));
            await ReporterBrowser.AssertFitsAPhoneAsync(page);
            if (javaScript)
            {
                await ReporterBrowser.AssertAccessibleAsync(page);
            }

            await page.FillAsync("#f-name", "typed then anonymous");
            await page.CheckAsync("#f-identityMode-0");
            Assert.False(await page.IsVisibleAsync("#f-name"));
            Assert.Equal(javaScript, await page.IsDisabledAsync("#f-name"));
        }, ReporterBrowser.Phone390(LocaleOf(path)));
    }

    /// <summary>Axe needs script to run: the form as the server serves it, with the page's own script kept away.</summary>
    [Theory]
    [InlineData("/report/whistleblowing")]
    [InlineData("/en/report/threat")]
    public Task WithoutThePagesScript_TheFormHasNoSeriousOrCriticalViolation(string path) =>
        browser.RunAsync("forms-axe", javaScript: true, async page =>
        {
            await ReporterBrowser.KeepPageScriptsAwayAsync(page);
            await ReporterBrowser.OpenFormAsync(page, path, javaScript: false);
            await page.CheckAsync("#f-identityMode-2");
            await ReporterBrowser.AssertAccessibleAsync(page);
        }, ReporterBrowser.Phone390(LocaleOf(path)));

    [Theory]
    [InlineData("/report/threat", false)]
    [InlineData("/en/report/whistleblowing", true)]
    public Task AnonymousReport_WithANameTypedFirst_SealsNoName(string path, bool javaScript)
    {
        if (javaScript)
        {
            ReporterBrowser.RequireBundle();
        }

        var name = "name-" + Guid.NewGuid().ToString("N");
        return browser.RunAsync("forms-anonymous-no-name", javaScript, async page =>
        {
            await ReporterBrowser.OpenFormAsync(page, path, javaScript);
            await ReporterBrowser.FillRequiredAsync(page, path, "told anonymously");
            await ReporterBrowser.ShowStepOfAsync(page, "#f-identityMode-2");
            await page.CheckAsync("#f-identityMode-2");
            await page.FillAsync("#f-name", name);
            await page.FillAsync("#f-contact", name);
            await page.CheckAsync("#f-identityMode-0");

            var token = await ReporterBrowser.SendAndReadTokenAsync(page);
            var caseNumber = (await page.TextContentAsync("#receipt [data-slot=caseNumber]"))!.Trim();

            var plain = await SealedReportAsync(caseNumber, token);
            Assert.Contains("told anonymously", plain, StringComparison.Ordinal);
            Assert.DoesNotContain(name, plain, StringComparison.Ordinal);
        }, ReporterBrowser.Phone390(LocaleOf(path)));
    }

    [Theory]
    [InlineData("/report/whistleblowing", false, "Avancerat", "offentliga webbsida")]
    [InlineData("/report/threat", true, "Avancerat", "offentliga webbsida")]
    [InlineData("/fi/report/whistleblowing", true, "Lisätietoja", "julkisella verkkosivullaan")]
    [InlineData("/en/report/threat", false, "Advanced", "public web page")]
    public Task TheKeysFingerprint_IsInACollapsedAdvancedSection_InPlainWords(string path, bool javaScript, string summary, string publicPage)
    {
        if (javaScript)
        {
            ReporterBrowser.RequireBundle();
        }

        return browser.RunAsync("forms-advanced", javaScript, async page =>
        {
            await ReporterBrowser.OpenFormAsync(page, path, javaScript);
            var fingerprint = await page.TextContentAsync("#advanced #key-fingerprint");
            Assert.Matches("^[0-9A-F]{4}(-[0-9A-F]{4}){4}$", fingerprint);
            Assert.False(await page.IsVisibleAsync("#key-fingerprint"));
            var main = (await page.TextContentAsync("main"))!;
            Assert.DoesNotContain("intranät", main, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("intranet", main, StringComparison.OrdinalIgnoreCase);

            await page.ClickAsync("#advanced > summary");
            Assert.Equal(summary, (await page.TextContentAsync("#advanced > summary"))!.Trim());
            Assert.True(await page.IsVisibleAsync("#key-fingerprint"));
            Assert.Contains(publicPage, await page.TextContentAsync("#advanced"), StringComparison.Ordinal);
            await ReporterBrowser.AssertFitsAPhoneAsync(page);
            if (javaScript)
            {
                await ReporterBrowser.AssertAccessibleAsync(page);
            }
        }, ReporterBrowser.Phone390(LocaleOf(path)));
    }

    [Theory]
    [InlineData("/report/whistleblowing", "sv-SE", new[] { "Steg 1 av 3: Vad har hänt", "Steg 2 av 3: Filer", "Steg 3 av 3: Hur du vill synas, och skicka" })]
    [InlineData("/en/report/threat", "en-GB", new[] { "Step 1 of 5: You, when and where", "Step 2 of 5: What happened", "Step 3 of 5: Afterwards", "Step 4 of 5: Files", "Step 5 of 5: How you appear, and send" })]
    public Task WithJavaScript_TheFormGoesInSteps_EachCheckedBeforeTheNext(string path, string locale, string[] headings)
    {
        ReporterBrowser.RequireBundle();
        return browser.RunAsync("forms-steps", javaScript: true, async page =>
        {
            var threat = path.EndsWith("/threat", StringComparison.Ordinal);
            await ReporterBrowser.OpenFormAsync(page, path, javaScript: true);
            Assert.True(await page.IsVisibleAsync("#form-steps"));
            Assert.Equal(headings[0], await StepHeadingAsync(page));
            Assert.Equal(headings.Length, await page.Locator(".step-list li").CountAsync());
            Assert.Equal("1", await page.GetAttributeAsync(".step-list li[aria-current=step]", "data-step-name"));
            Assert.False(await page.IsVisibleAsync("form.report-form button[type=submit]"));
            Assert.False(await page.IsVisibleAsync("#step-back"));
            Assert.False(await page.IsVisibleAsync("#s-identity"));
            await ReporterBrowser.AssertFitsAPhoneAsync(page);
            await ReporterBrowser.AssertAccessibleAsync(page);

            // Next checks the step by the form's rules, with the error summary Send uses.
            await page.ClickAsync("#step-next");
            await page.WaitForSelectorAsync("#error-summary:not([hidden])");
            Assert.Equal("1", await page.GetAttributeAsync("form.report-form", "data-current-step"));
            Assert.Equal("error-summary", await page.EvaluateAsync<string>("() => document.activeElement.id"));
            Assert.NotEmpty(await ReporterBrowser.ErrorsAsync(page));

            if (threat)
            {
                await page.CheckAsync("#f-role-0");
            }
            else
            {
                await page.SelectOptionAsync("#f-category", "fraud");
                await page.FillAsync("#f-whatHappened", "told in steps");
            }

            await page.ClickAsync("#step-next");
            await page.WaitForFunctionAsync("() => document.querySelector('form.report-form').dataset.currentStep === '2'");
            Assert.True(await page.IsHiddenAsync("#error-summary"));
            Assert.Equal("step-heading", await page.EvaluateAsync<string>("() => document.activeElement.id"));
            Assert.Equal(headings[1], await StepHeadingAsync(page));
            Assert.Equal("2", await page.GetAttributeAsync(".step-list li[aria-current=step]", "data-step-name"));
            Assert.True(await page.IsVisibleAsync("#step-back"));
            await ReporterBrowser.AssertFitsAPhoneAsync(page);
            await ReporterBrowser.AssertAccessibleAsync(page);

            // Back keeps what was typed; the last step has Send, and sealing in the browser works as before.
            await page.ClickAsync("#step-back");
            Assert.Equal(headings[0], await StepHeadingAsync(page));
            Assert.True(threat ? await page.IsCheckedAsync("#f-role-0") : await page.InputValueAsync("#f-whatHappened") == "told in steps");
            await ReporterBrowser.FillRequiredAsync(page, path, "told in steps");
            await ReporterBrowser.ShowStepOfAsync(page, "form.report-form button[type=submit]");
            Assert.Equal(headings[^1], await StepHeadingAsync(page));
            Assert.False(await page.IsVisibleAsync("#step-next"));
            Assert.True(await page.IsVisibleAsync("#s-identity"));
            var token = await ReporterBrowser.SendAndReadTokenAsync(page);
            Assert.Contains("told in steps", await SealedReportAsync((await page.TextContentAsync("#receipt [data-slot=caseNumber]"))!.Trim(), token), StringComparison.Ordinal);
        }, ReporterBrowser.Phone390(locale));
    }

    [Theory]
    [InlineData("/en/report/whistleblowing", "en-GB")]
    [InlineData("/report/threat", "sv-SE")]
    public Task WithJavaScript_AProblemOnAnEarlierStep_IsShownOnItsStepWhenSending(string path, string locale)
    {
        ReporterBrowser.RequireBundle();
        return browser.RunAsync("forms-steps-send", javaScript: true, async page =>
        {
            await ReporterBrowser.OpenFormAsync(page, path, javaScript: true);
            await ReporterBrowser.FillRequiredAsync(page, path, "told");
            await ReporterBrowser.ShowStepOfAsync(page, "form.report-form button[type=submit]");
            // What happened is emptied on the page (as going Back and clearing it would): Send goes to its step.
            await page.EvalOnSelectorAsync("#f-whatHappened", "e => { e.value = ''; }");

            await ReporterBrowser.PressSendAsync(page);

            await page.WaitForSelectorAsync("#error-summary:not([hidden])");
            Assert.True(await page.IsVisibleAsync("#f-whatHappened"));
            Assert.Equal("true", await page.GetAttributeAsync("#f-whatHappened", "aria-invalid"));
            Assert.Equal("error-summary", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        }, ReporterBrowser.Phone390(locale));
    }

    [Theory]
    [InlineData("/report/whistleblowing", "sv-SE")]
    [InlineData("/fi/report/threat", "fi-FI")]
    public Task WithoutJavaScript_TheFormStaysOnePage(string path, string locale) =>
        browser.RunAsync("forms-one-page", javaScript: false, async page =>
        {
            await ReporterBrowser.OpenFormAsync(page, path, javaScript: false);
            Assert.False(await page.IsVisibleAsync("#form-steps"));
            Assert.False(await page.IsVisibleAsync("#step-buttons"));
            foreach (var part in _onePageParts)
            {
                Assert.True(await page.IsVisibleAsync(part), part);
            }

            await ReporterBrowser.AssertFitsAPhoneAsync(page);
            await ReporterBrowser.FillRequiredAsync(page, path, "one page");
            Assert.NotEmpty(await ReporterBrowser.SendAndReadTokenAsync(page));
        }, ReporterBrowser.Phone390(locale));

    private static async Task<string> StepHeadingAsync(IPage page) => (await page.TextContentAsync("#step-heading"))!.Trim();

    /// <summary>The sealed report as the reporter's mailbox opens it.</summary>
    private async Task<string> SealedReportAsync(string caseNumber, string token)
    {
        await using var scope = browser.App.CreateScope();
        var record = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.AsNoTracking()
            .Include(c => c.Entries).SingleAsync(c => c.CaseNumber == caseNumber);
        Assert.Equal(MailboxTokenParseStatus.Ok, MailboxToken.TryParse(token, out var parsed));
        using var mailboxToken = parsed!;
        using var keys = mailboxToken.DeriveKeys();
        return Encoding.UTF8.GetString(AgeFile.Decrypt(record.Entries.Single(e => e.Kind == EntryKind.Report).Sealed, [keys.Identity]));
    }
}
