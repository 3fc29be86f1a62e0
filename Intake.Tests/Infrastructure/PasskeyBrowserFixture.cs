using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace Intake.Tests.Infrastructure;

/// <summary>
/// The browser fixture for passkeys: the application's public address (<c>Intake:PublicUrl</c>, the relying party)
/// is <c>http://localhost:{port}</c>, which Chromium treats as a secure context, and the browser opens it there.
/// Every page can be given a virtual authenticator through the DevTools protocol (<see cref="AddAuthenticatorAsync"/>).
/// The organisation is set up with whistleblowing handlers of its own for the passkey tests.
/// </summary>
public sealed class PasskeyBrowserFixture : BrowserFixture
{
    /// <summary>Whistleblowing handlers besides <see cref="StaffWorld.WhistleblowingHandler"/>, one per test.</summary>
    public static readonly string[] Handlers = ["pk-reader", "pk-pair", "pk-factor", "pk-reset", "pk-origin", "pk-secret"];

    private readonly List<IBrowserContext> _contexts = [];

    /// <summary>
    /// The same application on a second port: an origin other than the configured one under the same relying party
    /// id (another service on the host), where the browser still offers the passkeys but the server must refuse them.
    /// </summary>
    public Uri OtherOrigin { get; private set; } = new("http://localhost/");

    protected override Uri StartServer()
    {
        var port = FreePort();
        var otherPort = FreePort();
        var address = new Uri($"http://localhost:{port}/");
        OtherOrigin = new Uri($"http://localhost:{otherPort}/");
        App.Settings["Intake:PublicUrl"] = address.ToString();
        App.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.Listen(IPAddress.Loopback, otherPort);
        });
        App.StartServer();
        return address;
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var world = await StaffWorld.CreateAsync(App, Handlers);
    }

    /// <summary>
    /// A page in a browser context of its own with JavaScript on, at <paramref name="address"/> (the fixture's own by
    /// default), kept open until the fixture ends so that its authenticators live on.
    /// </summary>
    public async Task<IPage> OpenPageAsync(Uri? address = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (address ?? BaseAddress).ToString(),
            Locale = "sv-SE",
            JavaScriptEnabled = true,
        });
        context.SetDefaultTimeout(ActionTimeout);
        context.SetDefaultNavigationTimeout(ActionTimeout);
        lock (_contexts)
        {
            _contexts.Add(context);
        }

        var page = await context.NewPageAsync();
        page.Console += (_, message) => Console.Error.WriteLine("browser console: " + message.Text);
        return page;
    }

    /// <summary>
    /// Adds a virtual platform authenticator to the page (CTAP2, internal transport, resident keys, user verification
    /// that always succeeds), with or without the PRF extension. It lives as long as the page.
    /// </summary>
    public static async Task<VirtualAuthenticator> AddAuthenticatorAsync(IPage page, bool prf = true)
    {
        ArgumentNullException.ThrowIfNull(page);
        var session = await page.Context.NewCDPSessionAsync(page);
        await session.SendAsync("WebAuthn.enable", new Dictionary<string, object> { ["enableUI"] = false });
        var result = await session.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["ctap2Version"] = "ctap2_1",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["hasPrf"] = prf,
                ["automaticPresenceSimulation"] = true,
            },
        });
        return new VirtualAuthenticator(session, result!.Value.GetProperty("authenticatorId").GetString()!);
    }

    /// <summary>Registers a passkey named <paramref name="name"/> on the account page of the signed-in user.</summary>
    public static async Task RegisterPasskeyAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/Staff/Account/Passkeys");
        await page.FillAsync("#passkey-name", name);
        await page.ClickAsync("form[data-passkey=register] [data-passkey-start]");
        var error = page.Locator("form[data-passkey=register] [data-passkey-error]");
        var added = page.WaitForURLAsync(url => url.Contains("done=added", StringComparison.Ordinal));
        var shown = error.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        var first = await Task.WhenAny(added, shown);
        await first;
        if (first == shown)
        {
            throw new InvalidOperationException("The passkey was not registered: " + (await error.TextContentAsync())?.Trim());
        }
    }

    /// <summary>Signs in on the sign-in page with a passkey alone; returns the error shown, or null once signed in.</summary>
    public static async Task<string?> SignInWithPasskeyAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/Staff/SignIn");
        await page.ClickAsync("form[data-passkey=sign-in] [data-passkey-start]");
        var error = page.Locator("form[data-passkey=sign-in] [data-passkey-error]");
        var signedIn = page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/Staff");
        var shown = error.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        var first = await Task.WhenAny(signedIn, shown);
        await first;
        return first == shown ? (await error.TextContentAsync())!.Trim() : null;
    }

    /// <summary>Signs out with the navigation's button.</summary>
    public static async Task SignOutAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/Staff");
        await page.ClickAsync("form[action$='/Staff/SignOut'] button[type=submit]");
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/Staff/SignOut", StringComparison.Ordinal));
    }

    public override async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}

/// <summary>A virtual authenticator on a page, through the DevTools session that made it.</summary>
public sealed record VirtualAuthenticator(ICDPSession Session, string Id)
{
    /// <summary>How many credentials (passkeys) it holds.</summary>
    public async Task<int> CountAsync()
    {
        var result = await Session.SendAsync("WebAuthn.getCredentials", new Dictionary<string, object> { ["authenticatorId"] = Id });
        return result!.Value.GetProperty("credentials").GetArrayLength();
    }
}
