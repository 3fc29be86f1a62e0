using System.Text;
using Intake.Crypto.Age;
using Intake.Crypto.Mailbox;
using Intake.Tests.Infrastructure;
using Intake.Web.Cases;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Browser;

/// <summary>
/// Issue 16, the forms, on a 390 px phone with JavaScript off and on: name and contact appear only with a named or
/// confidential choice (grouped under it, and never kept for an anonymous report), the key's fingerprint sits in
/// a collapsed "Advanced" section in plain words, and with JavaScript the form goes in steps with a progress
/// indicator while without it the form stays one page.
/// </summary>
public sealed class ReportFormsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
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
