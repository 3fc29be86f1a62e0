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

    /// <summary>Fills the answers the form requires, with <paramref name="text"/> as what happened.</summary>
    public static async Task FillRequiredAsync(IPage page, string path, string text)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(path);
        if (path.EndsWith("/whistleblowing", StringComparison.Ordinal))
        {
            await page.SelectOptionAsync("#f-category", "fraud");
        }
        else
        {
            await page.CheckAsync("#f-role-0");
            await page.CheckAsync("#f-types-0");
            await page.CheckAsync("#f-types-1");
            // The threats form preselects no identity mode: choose anonymous unless the test already chose one.
            if (await page.Locator("input[name=identityMode]:checked").CountAsync() == 0)
            {
                await page.CheckAsync("#f-identityMode-0");
            }
        }

        await page.FillAsync("#f-whatHappened", text);
    }

    /// <summary>Sends the form and waits for the receipt; returns the mailbox token it shows.</summary>
    public static async Task<string> SendAndReadTokenAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.ClickAsync("form.report-form button[type=submit]");
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
            await page.SetInputFilesAsync("#attachments", files);
        }

        return await SendAndReadTokenAsync(page);
    }

    public static async Task AssertFitsAPhoneAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var wide = await page.EvaluateAsync<string>("""
            () => document.documentElement.scrollWidth <= 320 ? '' : [...document.querySelectorAll('body *')]
              .filter(e => e.getBoundingClientRect().right > 320).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className).join(', ')
            """);
        Assert.True(wide.Length == 0, "The page scrolls sideways on a 320 px screen: " + wide);
    }

    public static async Task AssertAccessibleAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{page.Url} {v.Id}: {v.Help}").ToList();
        Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious));
    }
}
