using Intake.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Intake.Tests.Browser;

/// <summary>
/// A refused report on a 390 px phone, with JavaScript off and on: the one error summary is the first thing in
/// view with the title saying so, errors go away as they are fixed, each chosen file is listed with its size, can
/// be removed and is checked at once, and an expired form is one instruction that keeps the text.
/// </summary>
public sealed class ReportErrorsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => browser.App.EnsureSetUpAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("/report/whistleblowing", false, "Fel: ", "sv-SE")]
    [InlineData("/en/report/threat", false, "Error: ", "en-GB")]
    [InlineData("/report/threat", true, "Fel: ", "sv-SE")]
    [InlineData("/en/report/whistleblowing", true, "Error: ", "en-GB")]
    [InlineData("/fi/report/whistleblowing", false, "Virhe: ", "fi-FI")]
    public Task RefusedForm_OpensAtTheErrorSummary_WithTheTitleSayingSo(string path, bool javaScript, string titlePrefix, string locale)
    {
        if (javaScript)
        {
            ReporterBrowser.RequireBundle();
        }

        return browser.RunAsync("report-error-summary", javaScript, async page =>
        {
            await ReporterBrowser.OpenFormAsync(page, path, javaScript);
            await page.FillAsync("#f-department, #f-whenWhere", "kept while refused");

            await ReporterBrowser.SendAsync(page);

            await ReporterBrowser.AssertErrorSummaryInViewAsync(page, titlePrefix);
            Assert.NotEmpty(await ReporterBrowser.ErrorsAsync(page));
            Assert.Equal("kept while refused", await page.InputValueAsync("#f-department, #f-whenWhere"));
            var text = await page.TextContentAsync("#error-summary");
            Assert.DoesNotContain("JavaScript", text, StringComparison.Ordinal);
            Assert.DoesNotContain(".age", text, StringComparison.Ordinal);
            if (javaScript)
            {
                await ReporterBrowser.AssertAccessibleAsync(page);
            }
        }, ReporterBrowser.Phone390(locale));
    }

    /// <summary>Axe needs script to run: the refused page is the server's, with the page's own script kept away.</summary>
    [Theory]
    [InlineData("/report/whistleblowing", "sv-SE")]
    [InlineData("/en/report/threat", "en-GB")]
    public Task WithoutThePagesScript_RefusedForm_HasNoSeriousOrCriticalViolation(string path, string locale) =>
        browser.RunAsync("report-error-axe", javaScript: true, async page =>
        {
            await ReporterBrowser.KeepPageScriptsAwayAsync(page);
            await ReporterBrowser.OpenFormAsync(page, path, javaScript: false);
            await page.FillAsync("#f-whatHappened", "kept while refused");

            await ReporterBrowser.SendAsync(page);

            await ReporterBrowser.AssertErrorSummaryInViewAsync(page, locale == "sv-SE" ? "Fel: " : "Error: ");
            await ReporterBrowser.AssertAccessibleAsync(page);
        }, ReporterBrowser.Phone390(locale));

    [Theory]
    [InlineData("/report/threat", "Fel: ")]
    [InlineData("/en/report/threat", "Error: ")]
    public Task WithJavaScript_ErrorsGoAwayWhenFixed(string path, string titlePrefix)
    {
        ReporterBrowser.RequireBundle();
        return browser.RunAsync("report-errors-clear", javaScript: true, async page =>
        {
            await ReporterBrowser.OpenFormAsync(page, path, javaScript: true);
            await page.CheckAsync("#f-role-0");
            await ReporterBrowser.ShowStepOfAsync(page, "#f-whatHappened");
            // The step of what happened refuses to be left empty: its errors show, and go as they are fixed.
            await ReporterBrowser.SendAsync(page);
            Assert.True(await page.Locator("[data-field=types] .field-error").IsVisibleAsync());
            Assert.Equal(1, await page.Locator("#error-summary li[data-field=whatHappened]").CountAsync());

            await page.FillAsync("#f-whatHappened", "now it is told");

            Assert.Equal(0, await page.Locator("[data-field=whatHappened] .field-error").CountAsync());
            Assert.Equal(0, await page.Locator("#error-summary li[data-field=whatHappened]").CountAsync());
            Assert.Equal("false", await page.GetAttributeAsync("#f-whatHappened", "aria-invalid"));
            Assert.Equal(1, await page.Locator("[data-field=types] .field-error").CountAsync());
            Assert.StartsWith(titlePrefix, await page.TitleAsync(), StringComparison.Ordinal);
            await page.CheckAsync("#f-types-0");
            Assert.True(await page.IsHiddenAsync("#error-summary"));

            // On the last step: named without name or contact; the name's error goes once it is typed.
            await ReporterBrowser.ShowStepOfAsync(page, "#f-identityMode-2");
            await page.CheckAsync("#f-identityMode-2");
            await ReporterBrowser.SendAsync(page);
            Assert.True(await page.Locator("[data-field=name] .field-error").IsVisibleAsync());
            Assert.True(await page.Locator("[data-field=contact] .field-error").IsVisibleAsync());
            await page.FillAsync("#f-name", "Kim");
            Assert.Equal(0, await page.Locator("[data-field=name] .field-error").CountAsync());
            Assert.Equal(1, await page.Locator("[data-field=contact] .field-error").CountAsync());
            Assert.StartsWith(titlePrefix, await page.TitleAsync(), StringComparison.Ordinal);

            // Choosing to be anonymous takes the contact's error away with it; once all is fixed the summary goes.
            await page.CheckAsync("#f-identityMode-0");
            Assert.Equal(0, await page.Locator("[data-field=contact] .field-error").CountAsync());
            Assert.True(await page.IsHiddenAsync("#error-summary"));
            Assert.False((await page.TitleAsync()).StartsWith(titlePrefix, StringComparison.Ordinal));
        }, ReporterBrowser.Phone390(path.StartsWith("/en", StringComparison.Ordinal) ? "en-GB" : "sv-SE"));
    }

    [Theory]
    [InlineData("/report/whistleblowing", "större än", "kB")]
    [InlineData("/en/report/threat", "larger than", "kB")]
    public Task WithJavaScript_ChosenFiles_AreListedWithSizes_CheckedAtOnce_AndRemovable(string path, string tooLarge, string unit)
    {
        ReporterBrowser.RequireBundle();
        return browser.RunAsync("report-chosen-files", javaScript: true, async page =>
        {
            var posts = 0;
            page.Request += (_, request) => posts += request.Method == "POST" ? 1 : 0;
            await ReporterBrowser.OpenFormAsync(page, path, javaScript: true);
            // The limit the server renders (50 MB) is lowered on the page, so the file stays small.
            await page.EvalOnSelectorAsync("form.report-form", "f => f.dataset.maxFileBytes = '3000'");
            await ReporterBrowser.FillRequiredAsync(page, path, "with two files");
            await ReporterBrowser.ShowStepOfAsync(page, "#attachments");

            await ReporterBrowser.ChooseFilesAsync(page,
                new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = new byte[1200] },
                new FilePayload { Name = "video.bin", MimeType = "application/octet-stream", Buffer = new byte[5000] });

            var chosen = await ReporterBrowser.ChosenFilesAsync(page);
            Assert.Equal(["notes.txt", "video.bin"], chosen.Select(c => c.Name));
            Assert.All(chosen, c => Assert.Contains(unit, c.Size, StringComparison.Ordinal));
            Assert.Equal([false, true], chosen.Select(c => c.Refused));
            Assert.Contains(tooLarge, await page.TextContentAsync("#f-attachments"), StringComparison.Ordinal);
            Assert.Equal(0, posts);

            await ReporterBrowser.RemoveChosenFileAsync(page, "video.bin");
            Assert.Equal(["notes.txt"], (await ReporterBrowser.ChosenFilesAsync(page)).Select(c => c.Name));
            Assert.Equal(0, await page.Locator("#f-attachments .field-error").CountAsync());
            Assert.Equal(1, await page.EvaluateAsync<int>("() => document.querySelector('#attachments').files.length"));

            // Choosing again adds to the list; the report goes with exactly the listed files.
            await ReporterBrowser.ChooseFilesAsync(page, new FilePayload { Name = "photo.png", MimeType = "image/png", Buffer = new byte[300] });
            Assert.Equal(["notes.txt", "photo.png"], (await ReporterBrowser.ChosenFilesAsync(page)).Select(c => c.Name));
            await ReporterBrowser.AssertFitsAPhoneAsync(page);
            await ReporterBrowser.AssertAccessibleAsync(page);
            await ReporterBrowser.SendAsync(page);
            Assert.Equal("2", (await page.TextContentAsync("#receipt [data-slot=files]"))!.Trim());
        }, ReporterBrowser.Phone390(path.StartsWith("/en", StringComparison.Ordinal) ? "en-GB" : "sv-SE"));
    }

    [Theory]
    [InlineData("/report/whistleblowing", "Formuläret hade gått ut")]
    [InlineData("/en/report/threat", "The form had expired")]
    public Task WithJavaScript_ExpiredForm_IsOneInstruction_AndSendingAgainWorks(string path, string expired)
    {
        ReporterBrowser.RequireBundle();
        return browser.RunAsync("report-expired", javaScript: true, async page =>
        {
            await ReporterBrowser.OpenFormAsync(page, path, javaScript: true);
            await page.EvalOnSelectorAsync("form.report-form input[name=__RequestVerificationToken]", "i => i.value = 'stale'");
            await ReporterBrowser.FillRequiredAsync(page, path, "typed before it expired");
            await ReporterBrowser.ChooseFilesAsync(page, new FilePayload { Name = "proof.txt", MimeType = "text/plain", Buffer = new byte[20] });

            await ReporterBrowser.SendAsync(page);

            var errors = await ReporterBrowser.ErrorsAsync(page);
            Assert.Single(errors);
            Assert.StartsWith(expired, errors[0], StringComparison.Ordinal);
            Assert.Equal("typed before it expired", await page.InputValueAsync("#f-whatHappened"));
            Assert.Equal(["proof.txt"], (await ReporterBrowser.ChosenFilesAsync(page)).Select(c => c.Name));

            // The script took a fresh form: sending again, nothing retyped or chosen again, goes through.
            await ReporterBrowser.SendAsync(page);
            Assert.Equal("1", (await page.TextContentAsync("#receipt [data-slot=files]"))!.Trim());
        }, ReporterBrowser.Phone390(path.StartsWith("/en", StringComparison.Ordinal) ? "en-GB" : "sv-SE"));
    }
}
