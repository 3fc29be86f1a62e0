using Intake.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Intake.Tests.Interop;

/// <summary>
/// Debian's Chromium, driven by Playwright, with the npm age-encryption package loaded into a
/// blank page as <c>globalThis.age</c> (bundled by Interop/js/age-browser-bundle.mjs). The page
/// is served by a Playwright route at a loopback address, so it is a secure context and nothing
/// is fetched from any host. Byte arrays cross into the page as base64.
/// </summary>
public sealed class ChromiumAgePage : IAsyncLifetime
{
    private const string Origin = "http://127.0.0.1:9/";

    // Helpers defined once in the page: base64 to bytes and back, in slices (large files).
    private const string Helpers = """
        () => {
          globalThis.fromB64 = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
          globalThis.toB64 = (bytes) => {
            let s = "";
            for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
            return btoa(s);
          };
        }
        """;

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IPage? _page;

    public IPage Page => _page ?? throw new InvalidOperationException("The page has not been opened.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserFixture.ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {BrowserFixture.ChromiumPath}. Run the tests with ops/test.sh, which installs it, or set INTAKE_CHROMIUM.");
        }

        string bundle = NodeRunner.RunChecked("age-browser-bundle.mjs", []);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = BrowserFixture.ChromiumArgs,
        });
        _page = await _browser.NewPageAsync();
        _page.SetDefaultTimeout(BrowserFixture.ActionTimeout);
        await _page.RouteAsync("**/*", route => route.Request.Url == Origin
            ? route.FulfillAsync(new RouteFulfillOptions { ContentType = "text/html", Body = "<!doctype html><title>age</title>" })
            : route.AbortAsync());
        await _page.GotoAsync(Origin);
        await _page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = bundle });
        await _page.EvaluateAsync(Helpers);
    }

    /// <summary>A new hybrid identity and its recipient, made by the package in the page.</summary>
    public async Task<(string Identity, string Recipient)> HybridKeygenAsync()
    {
        string[] pair = await Page.EvaluateAsync<string[]>(
            "async () => { const i = await age.generateHybridIdentity(); return [i, await age.identityToRecipient(i)]; }");
        return (pair[0], pair[1]);
    }

    public async Task<string> RecipientOfAsync(string identity)
        => await Page.EvaluateAsync<string>("(i) => age.identityToRecipient(i)", identity);

    public async Task<byte[]> EncryptAsync(byte[] plaintext, params string[] recipients)
        => Convert.FromBase64String(await Page.EvaluateAsync<string>(
            """
            async ([data, recipients]) => {
              const e = new age.Encrypter();
              for (const r of recipients) e.addRecipient(r);
              return toB64(await e.encrypt(fromB64(data)));
            }
            """,
            new object[] { Convert.ToBase64String(plaintext), recipients }));

    public async Task<byte[]> DecryptAsync(byte[] sealedFile, string identity)
        => Convert.FromBase64String(await Page.EvaluateAsync<string>(
            """
            async ([data, identity]) => {
              const d = new age.Decrypter();
              d.addIdentity(identity);
              return toB64(await d.decrypt(fromB64(data)));
            }
            """,
            new object[] { Convert.ToBase64String(sealedFile), identity }));

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
