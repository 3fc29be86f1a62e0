using Intake.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;

namespace Intake.Tests.Infrastructure;

/// <summary>
/// The real application on Kestrel at 127.0.0.1 on a free port, and Debian's Chromium driven by Playwright.
/// Playwright never downloads a browser here: it launches <c>/usr/bin/chromium</c> (or <c>INTAKE_CHROMIUM</c>).
/// Use one per test class; open a page with JavaScript on or off through <see cref="RunAsync"/>, which saves a
/// screenshot when the test body fails.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    /// <summary>The command-line switches every test browser is launched with.</summary>
    internal static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
        "--disable-dev-shm-usage",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IntakeApplicationFactory App { get; } = new();

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("INTAKE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>
    /// How long a click, fill or navigation may take: twice Playwright's default, since the suite runs on shared
    /// two-core machines where a page that posts files can take longer than 30 s under load.
    /// </summary>
    public const float ActionTimeout = 60_000;

    public static string ScreenshotDirectory => Path.Combine(RepositoryRoot.Path, "TestResults", "screenshots");

    /// <summary>Starts the application on Kestrel and returns the address the browser opens it at.</summary>
    protected virtual Uri StartServer()
    {
        App.UseKestrelOnLoopback();
        App.StartServer();
        return App.ServerAddress;
    }

    public virtual async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ChromiumPath}. Run the tests with ops/test.sh, which installs it " +
                "(apt-get install chromium), or set INTAKE_CHROMIUM.");
        }

        BaseAddress = StartServer();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>
    /// Opens a fresh browser context (no shared cookies) with JavaScript on or off, runs the test body, and saves
    /// a full-page screenshot to <see cref="ScreenshotDirectory"/> if it throws.
    /// </summary>
    public async Task RunAsync(string name, bool javaScript, Func<IPage, Task> body, BrowserNewContextOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        var contextOptions = options ?? new BrowserNewContextOptions();
        contextOptions.JavaScriptEnabled = javaScript;
        contextOptions.BaseURL = BaseAddress.ToString();
        contextOptions.Locale ??= "sv-SE";
        await using var context = await Browser.NewContextAsync(contextOptions);
        context.SetDefaultTimeout(ActionTimeout);
        context.SetDefaultNavigationTimeout(ActionTimeout);
        var page = await context.NewPageAsync();
        try
        {
            await body(page);
        }
        catch
        {
            Directory.CreateDirectory(ScreenshotDirectory);
            var file = Path.Combine(ScreenshotDirectory, $"{name}-{(javaScript ? "js" : "nojs")}-{DateTime.UtcNow:HHmmssfff}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
            throw;
        }
    }

    /// <summary>Signs a staff member in through the real pages (enrolling TOTP the first time); <paramref name="prefix"/>
    /// is a language prefix such as <c>/fi</c>.</summary>
    public async Task SignInAsync(IPage page, string username, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(prefix + "/Staff/SignIn");
        await page.FillAsync("#Username", username);
        await page.FillAsync("#Passphrase", StaffWorld.Passphrase);
        await page.ClickAsync("main form button[type=submit]");
        // The page's script may first solve a proof of work (a new browser while sign-ins are many) and send later.
        await page.WaitForURLAsync(url => !url.EndsWith("/Staff/SignIn", StringComparison.Ordinal));
        var totp = App.Services.GetRequiredService<TotpCodes>();
        if (page.Url.EndsWith("/Staff/SignIn/Enrol", StringComparison.Ordinal))
        {
            var secret = Base32Encoding.ToBytes((await page.TextContentAsync("#totp-secret"))!.Trim());
            lock (_secrets)
            {
                _secrets[username] = secret;
            }

            await page.FillAsync("#Code", totp.CodeFor(secret, App.Clock.GetUtcNow()));
            await page.ClickAsync("main form button[type=submit]");
        }
        else if (page.Url.EndsWith("/Staff/SignIn/Code", StringComparison.Ordinal))
        {
            byte[] secret;
            lock (_secrets)
            {
                secret = _secrets[username];
            }

            App.Clock.Advance(TimeSpan.FromSeconds(30));
            await page.FillAsync("#Code", totp.CodeFor(secret, App.Clock.GetUtcNow()));
            await page.ClickAsync("main form button[type=submit]");
        }

        Assert.EndsWith(prefix + "/Staff", page.Url, StringComparison.Ordinal);
    }

    private readonly Dictionary<string, byte[]> _secrets = new(StringComparer.Ordinal);

    protected IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser fixture has not started.");

    public virtual async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
