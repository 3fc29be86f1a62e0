using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Intake.Tests.Infrastructure;

/// <summary>
/// A reporter in Chromium (through <see cref="BrowserFixture.RunAsync"/>): opens a form, fills the required
/// answers, sends it and reads the receipt, with JavaScript on or off. Phone width is <see cref="Phone"/>.
/// </summary>
public static class ReporterBrowser
{
    public const string BundlePath = "Intake.Web/wwwroot/js/dist/intake-report.js";

    /// <summary>A small phone: 320 by 640 CSS pixels.</summary>
    public static BrowserNewContextOptions Phone(string locale = "sv-SE") =>
        new() { ViewportSize = new ViewportSize { Width = 320, Height = 640 }, Locale = locale };

    /// <summary>A common phone: 390 by 844 CSS pixels.</summary>
    public static BrowserNewContextOptions Phone390(string locale = "sv-SE") =>
        new() { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, Locale = locale };

    /// <summary>Presses the form's send button and waits for the answer: the error summary or the receipt.</summary>
    public static async Task SendAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await PressSendAsync(page);
        await page.WaitForSelectorAsync("#error-summary:not([hidden]), #receipt #mailbox-token:not(:empty)", new() { Timeout = 60_000 });
    }

    /// <summary>
    /// The page's own scripts are not loaded: the server's pages as a browser without JavaScript gets them, while axe,
    /// which needs script to run, can still look at them.
    /// </summary>
    public static Task KeepPageScriptsAwayAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.RouteAsync("**/js/**", route => route.AbortAsync());
    }

    /// <summary>The error summary's lines, as the reporter reads them.</summary>
    public static async Task<IReadOnlyList<string>> ErrorsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return (await page.Locator("#error-summary li").AllTextContentsAsync()).Select(t => t.Trim()).ToList();
    }

    /// <summary>
    /// The error summary is the first thing the reporter meets: it has the focus, its top is in view, and the
    /// title starts with the language's word for error.
    /// </summary>
    public static async Task AssertErrorSummaryInViewAsync(IPage page, string titlePrefix)
    {
        ArgumentNullException.ThrowIfNull(page);
        Assert.StartsWith(titlePrefix, await page.TitleAsync(), StringComparison.Ordinal);
        // The browser applies autofocus once the page has loaded, not at once: wait for it (bounded), then check.
        await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.id === 'error-summary'", null, new() { Timeout = 10_000 })
            .ContinueWith(_ => { }, TaskScheduler.Default);
        Assert.Equal("error-summary", await page.EvaluateAsync<string>("() => document.activeElement && document.activeElement.id"));
        var inView = await page.EvaluateAsync<bool>("""
            () => { const r = document.getElementById('error-summary').getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight / 2; }
            """);
        Assert.True(inView, "The error summary is not at the top of the screen.");
    }

    /// <summary>Chooses files in the file field (added to those chosen before, with JavaScript).</summary>
    public static Task ChooseFilesAsync(IPage page, params FilePayload[] files)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.SetInputFilesAsync("#attachments", files);
    }

    /// <summary>The chosen files the script lists: name, size as shown, and whether it is flagged.</summary>
    public static async Task<IReadOnlyList<(string Name, string Size, bool Refused)>> ChosenFilesAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var rows = await page.EvalOnSelectorAllAsync<string[][]>("#chosen-files li", """
            items => items.map(i => [i.querySelector('.chosen-file__name').textContent, i.querySelector('.chosen-file__size').textContent,
              i.classList.contains('chosen-file--refused') ? 'refused' : ''])
            """);
        return rows.Select(r => (r[0], r[1], r[2] == "refused")).ToList();
    }

    /// <summary>Removes one chosen file with its button.</summary>
    public static Task RemoveChosenFileAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Locator("#chosen-files li").Filter(new() { HasText = name }).GetByRole(AriaRole.Button).ClickAsync();
    }

    /// <summary>Opens the mailbox at <paramref name="door"/> with the token; with JavaScript waits for the thread the script shows.</summary>
    public static async Task OpenMailboxAsync(IPage page, string token, bool javaScript, string door = "/mailbox")
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(door);
        if (javaScript)
        {
            await page.WaitForFunctionAsync("() => { const n = document.getElementById('mailbox-note'); return n && n.textContent === n.dataset.browserText; }");
        }

        await page.FillAsync("#Token", token);
        await page.ClickAsync("form.mailbox-door-form button[type=submit]");
        await page.WaitForSelectorAsync(".thread", new() { Timeout = 30_000 });
    }

    /// <summary>Asks for a meeting from the open mailbox, and waits for the page to confirm what was done.</summary>
    public static async Task RequestMeetingAsync(IPage page, bool javaScript)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.ClickAsync(javaScript ? "button[data-action=meeting]" : "form[action*='handler=Meeting'] button");
        await page.WaitForSelectorAsync(javaScript ? "[data-slot=meeting-sent]:not([hidden])" : "#action-done", new() { Timeout = 30_000 });
    }

    /// <summary>Sends a message from the open mailbox, and waits for the page to confirm it.</summary>
    public static async Task SendMessageAsync(IPage page, bool javaScript, string text)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.FillAsync("#message", text);
        await page.ClickAsync(javaScript ? "form.mailbox-reply button[type=submit]" : "form[enctype='multipart/form-data'] button[type=submit]");
        await page.WaitForSelectorAsync(javaScript ? "[data-slot=sent]:not([hidden])" : "#action-done", new() { Timeout = 60_000 });
    }

    /// <summary>The confirmation has the focus and is in view: the reporter sees what was done without looking for it.</summary>
    public static async Task AssertConfirmedInViewAsync(IPage page, string words)
    {
        ArgumentNullException.ThrowIfNull(page);
        var focused = await page.EvaluateAsync<string>("""
            () => { const e = document.activeElement; const r = e.getBoundingClientRect();
              return r.top >= 0 && r.bottom <= window.innerHeight && e.matches('.notice') ? e.textContent : ''; }
            """);
        Assert.Contains(words, focused, StringComparison.Ordinal);
    }

    /// <summary>The bundle is built by ops/test.sh (npm run build); without it the JavaScript tests prove nothing.</summary>
    public static void RequireBundle()
    {
        var bundle = Path.Combine(RepositoryRoot.Path, BundlePath);
        Assert.True(File.Exists(bundle), $"{BundlePath} is missing: run ops/test.sh (npm run build) before the browser tests.");
    }

    /// <summary>Opens a form; with JavaScript waits until its script has taken over.</summary>
    public static async Task OpenFormAsync(IPage page, string path, bool javaScript)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(path);
        if (javaScript)
        {
            await page.WaitForFunctionAsync("() => { const n = document.getElementById('sealing-note'); return n && n.textContent === n.dataset.browserText; }");
        }
    }

    /// <summary>
    /// With JavaScript the form goes in steps: presses Next (or Back) until the step holding
    /// <paramref name="selector"/> is shown. Next checks the step first; when it refuses, this stops at the error
    /// summary. Without steps (no JavaScript) nothing is pressed.
    /// </summary>
    public static async Task ShowStepOfAsync(IPage page, string selector)
    {
        ArgumentNullException.ThrowIfNull(page);
        for (var pressed = 0; pressed < 12; pressed++)
        {
            var distance = await page.EvalOnSelectorAsync<int>(selector, """
                e => { const form = e.closest('form'); const step = e.closest('[data-step]');
                  return form && step && form.dataset.currentStep ? Number(step.dataset.step) - Number(form.dataset.currentStep) : 0; }
                """);
            if (distance == 0)
            {
                return;
            }

            var before = await page.GetAttributeAsync("form.report-form", "data-current-step");
            await page.ClickAsync(distance > 0 ? "#step-next" : "#step-back");
            if (await page.GetAttributeAsync("form.report-form", "data-current-step") == before)
            {
                // The step was refused: the error summary says why.
                await page.WaitForSelectorAsync("#error-summary:not([hidden])");
                return;
            }
        }
    }

    /// <summary>
    /// Goes to the form's last step (with JavaScript) and presses Send, without waiting for the answer. When a step
    /// on the way refuses to be left, its error summary is the answer and Send is not pressed.
    /// </summary>
    public static async Task PressSendAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await ShowStepOfAsync(page, "form.report-form button[type=submit]");
        if (await page.IsVisibleAsync("form.report-form button[type=submit]"))
        {
            await page.ClickAsync("form.report-form button[type=submit]");
        }
    }

    /// <summary>Fills the answers the form requires, with <paramref name="text"/> as what happened.</summary>
    public static async Task FillRequiredAsync(IPage page, string path, string text)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(path);
        // In the form's order, so that with JavaScript each step is complete before Next is pressed.
        if (path.EndsWith("/whistleblowing", StringComparison.Ordinal))
        {
            await ShowStepOfAsync(page, "#f-category");
            await page.SelectOptionAsync("#f-category", "fraud");
            await page.FillAsync("#f-whatHappened", text);
            return;
        }

        await ShowStepOfAsync(page, "#f-role-0");
        await page.CheckAsync("#f-role-0");
        await ShowStepOfAsync(page, "#f-types-0");
        await page.CheckAsync("#f-types-0");
        await page.CheckAsync("#f-types-1");
        await page.FillAsync("#f-whatHappened", text);
        // The threats form preselects no identity mode: choose anonymous unless the test already chose one.
        if (await page.Locator("input[name=identityMode]:checked").CountAsync() == 0)
        {
            await ShowStepOfAsync(page, "#f-identityMode-0");
            await page.CheckAsync("#f-identityMode-0");
        }
    }

    /// <summary>Sends the form and waits for the receipt; returns the mailbox token it shows.</summary>
    public static async Task<string> SendAndReadTokenAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await PressSendAsync(page);
        await page.WaitForSelectorAsync("#receipt #mailbox-token:not(:empty)", new() { Timeout = 60_000 });
        return (await page.TextContentAsync("#mailbox-token"))!.Trim();
    }

    /// <summary>Opens a form, fills it, attaches <paramref name="files"/> and sends it; returns the token.</summary>
    public static async Task<string> SubmitReportAsync(IPage page, string path, bool javaScript, string text, params FilePayload[] files)
    {
        await OpenFormAsync(page, path, javaScript);
        await FillRequiredAsync(page, path, text);
        if (files.Length > 0)
        {
            await ShowStepOfAsync(page, "#attachments");
            await page.SetInputFilesAsync("#attachments", files);
        }

        return await SendAndReadTokenAsync(page);
    }

    public static async Task AssertFitsAPhoneAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var wide = await page.EvaluateAsync<string>("""
            () => document.documentElement.scrollWidth <= window.innerWidth ? '' : [...document.querySelectorAll('body *')]
              .filter(e => e.getBoundingClientRect().right > window.innerWidth).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className).join(', ')
            """);
        Assert.True(wide.Length == 0, "The page scrolls sideways on the phone's screen: " + wide);
    }

    public static async Task AssertAccessibleAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{page.Url} {v.Id}: {v.Help}").ToList();
        Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious));
    }
}
