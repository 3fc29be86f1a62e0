using System.Net;
using AngleSharp.Dom;
using Intake.Web.Accounts;
using Intake.Web.Reporting.Admission;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using OtpNet;

namespace Intake.Tests.Infrastructure;

/// <summary>
/// Drives the staff pages over HTTP like a browser without JavaScript: reads forms with AngleSharp, posts them
/// with their antiforgery token, keeps cookies. Remembers each user's TOTP secret after enrolment. Unless
/// <see cref="SolvesProofs"/> is off, it also solves a proof of work a sign-in form asks for, as the page's script does.
/// </summary>
public sealed class StaffBrowserClient : IDisposable
{
    private static readonly Dictionary<string, byte[]> _secrets = new(StringComparer.Ordinal);
    private readonly IntakeApplicationFactory? _app;
    private readonly string _secretScope;

    public StaffBrowserClient(IntakeApplicationFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        _app = app;
        _secretScope = app.DataDirectory;
        Http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });
    }

    /// <summary>
    /// A browser at <paramref name="baseAddress"/> (https, so that Secure cookies are set and sent) whose
    /// <paramref name="observers"/> see every response as it comes from the server, redirects included.
    /// </summary>
    public StaffBrowserClient(IntakeApplicationFactory app, Uri baseAddress, params DelegatingHandler[] observers)
    {
        ArgumentNullException.ThrowIfNull(app);
        _app = app;
        _secretScope = app.DataDirectory;
        Http = app.CreateDefaultClient(baseAddress, [new RedirectHandler(), new CookieContainerHandler(), .. observers]);
    }

    private StaffBrowserClient(IntakeApplicationFactory? app, string secretScope, HttpClient http)
    {
        _app = app;
        _secretScope = secretScope;
        Http = http;
    }

    public HttpClient Http { get; }

    /// <summary>
    /// A browser behind a round-robin balancer over <paramref name="nodes"/>, hosts of one organisation sharing its
    /// database (the first one's data directory names it): each request, redirects included, goes to the next host.
    /// </summary>
    public static StaffBrowserClient AcrossNodes(AlternatingNodes nodes, IntakeApplicationFactory first)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(first);
        var handler = new RedirectHandler { InnerHandler = new CookieContainerHandler { InnerHandler = nodes } };
        return new StaffBrowserClient(first, first.DataDirectory, new HttpClient(handler, disposeHandler: true) { BaseAddress = new Uri("http://localhost") });
    }

    /// <summary>
    /// A browser at a server's real <paramref name="address"/> (processes, behind a balancer), on the real clock,
    /// with a new connection for every request so that a balancer spreads them. <paramref name="organisation"/>
    /// names the organisation the TOTP secrets it enrols belong to (its shared directory).
    /// </summary>
    public static StaffBrowserClient AtAddress(Uri address, string organisation)
    {
        var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true, UseCookies = true }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.ConnectionClose = true;
        return new StaffBrowserClient(null, organisation, http);
    }

    public static string SecretKey(IntakeApplicationFactory app, string username)
    {
        ArgumentNullException.ThrowIfNull(app);
        return SecretKey(app.DataDirectory, username);
    }

    private static string SecretKey(string scope, string username) => $"{scope}|{username}";

    /// <summary>The TOTP secret a user enrolled through this client.</summary>
    public static byte[] SecretOf(IntakeApplicationFactory app, string username)
    {
        lock (_secrets)
        {
            return _secrets[SecretKey(app, username)];
        }
    }

    /// <summary>
    /// Whether this client does what the pages' scripts do before a form is sent (a browser with JavaScript): solve
    /// the proof of work a sign-in form asks for. False is a browser without JavaScript.
    /// </summary>
    public bool SolvesProofs { get; set; } = true;

    /// <summary>Tells the clients of this application a TOTP secret enrolled elsewhere (by an earlier release).</summary>
    public static void RememberSecret(IntakeApplicationFactory app, string username, byte[] secret)
    {
        lock (_secrets)
        {
            _secrets[SecretKey(app, username)] = secret;
        }
    }

    /// <summary>Signs in through the real pages, enrolling TOTP on first sign-in. Returns the final response.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string username, string passphrase = StaffWorld.Passphrase)
    {
        var afterPassphrase = await SubmitAsync("/Staff/SignIn", new() { ["Username"] = username, ["Passphrase"] = passphrase });
        var path = afterPassphrase.RequestMessage!.RequestUri!.AbsolutePath;
        if (path.EndsWith("/Enrol", StringComparison.Ordinal))
        {
            return await EnrolAsync(afterPassphrase, username);
        }

        if (path.EndsWith("/Code", StringComparison.Ordinal))
        {
            byte[] secret;
            lock (_secrets)
            {
                secret = _secrets[SecretKey(_secretScope, username)];
            }

            // Each sign-in needs a fresh time step: a code once used is refused. On the real clock, the code of the
            // next step, which the server accepts as one step of drift (so one sign-in per 30 seconds).
            DateTimeOffset at;
            if (_app is null)
            {
                at = DateTimeOffset.UtcNow.AddSeconds(30);
            }
            else
            {
                _app.Clock.Advance(TimeSpan.FromSeconds(30));
                at = _app.Clock.GetUtcNow();
            }

            return await SubmitAsync(path, new() { ["Code"] = CodeFor(secret, at) });
        }

        return afterPassphrase;
    }

    /// <summary>
    /// The owner activates their account on the real page with the code the administrator handed over, chooses
    /// the passphrase and enrols TOTP on the page that follows: signed in afterwards. Returns the final response
    /// (the activation page again, with the error, when refused).
    /// </summary>
    public async Task<HttpResponseMessage> ActivateAsync(string username, string code, string passphrase = StaffWorld.Passphrase)
    {
        var activated = await SubmitAsync("/Staff/SignIn/Activate", new()
        {
            ["Username"] = username,
            ["Code"] = code,
            ["Passphrase"] = passphrase,
            ["RepeatPassphrase"] = passphrase,
        });
        return activated.RequestMessage!.RequestUri!.AbsolutePath.EndsWith("/Enrol", StringComparison.Ordinal)
            ? await EnrolAsync(activated, username)
            : activated;
    }

    /// <summary>Signs out with the navigation's button; the browser keeps its other cookies (its device cookie).</summary>
    public Task<HttpResponseMessage> SignOutAsync() => SubmitAsync("/Staff", [], "form[action$='/Staff/SignOut']");

    /// <summary>True when the last response of a sign-in landed on a signed-in staff page.</summary>
    public static bool IsSignedIn(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var path = response.RequestMessage!.RequestUri!.AbsolutePath;
        return response.StatusCode == HttpStatusCode.OK && path.StartsWith("/Staff", StringComparison.Ordinal) && !path.Contains("/SignIn", StringComparison.Ordinal);
    }

    /// <summary>GETs a page, fills its first form (or the one matching <paramref name="formSelector"/>) and posts it.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string path, Dictionary<string, string> fields, string formSelector = "main form")
    {
        using var get = await Http.GetAsync(new Uri(path, UriKind.Relative));
        if (get.StatusCode != HttpStatusCode.OK)
        {
            return get;
        }

        var page = await Html.ParseAsync(get);
        return await PostFormAsync(get, page, fields, formSelector);
    }

    public async Task<HttpResponseMessage> PostFormAsync(
        HttpResponseMessage from, IDocument page, Dictionary<string, string> fields, string formSelector = "main form")
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(fields);
        var form = page.QuerySelector(formSelector) ?? throw new InvalidOperationException($"No form '{formSelector}' on {from.RequestMessage?.RequestUri}");
        var values = form.QuerySelectorAll("input[type=hidden]")
            .Where(i => i.GetAttribute("name") is not null)
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? string.Empty, StringComparer.Ordinal);
        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        // What the sign-in page's script does when the service asks a new browser for a proof of work.
        if (SolvesProofs && int.TryParse(form.GetAttribute("data-proof-bits"), out var bits) && bits > 0 && !fields.ContainsKey("proofNonce"))
        {
            values["proofNonce"] = ProofOfWork.Solve(values["formStamp"], bits);
        }

        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? from.RequestMessage!.RequestUri!.PathAndQuery : action;
        using var content = new FormUrlEncodedContent(values);
        return await Http.PostAsync(new Uri(target, UriKind.Relative), content);
    }

    private async Task<HttpResponseMessage> EnrolAsync(HttpResponseMessage enrolPage, string username)
    {
        var page = await Html.ParseAsync(enrolPage);
        var secret = Base32Encoding.ToBytes(page.QuerySelector("#totp-secret")!.TextContent.Trim());
        lock (_secrets)
        {
            _secrets[SecretKey(_secretScope, username)] = secret;
        }

        return await PostFormAsync(enrolPage, page, new() { ["Code"] = CodeFor(secret, _app?.Clock.GetUtcNow() ?? DateTimeOffset.UtcNow) });
    }

    /// <summary>
    /// Posts url-encoded <paramref name="fields"/> to a page handler (<c>{path}?handler={handler}</c>) with this
    /// user's antiforgery token, taken from the account page, as one of the case page's forms would.
    /// </summary>
    public async Task<HttpResponseMessage> PostToHandlerAsync(string path, string handler, params (string Name, string Value)[] fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        using var account = await Http.GetAsync(new Uri("/Staff/Account", UriKind.Relative));
        var page = await Html.ParseAsync(account);
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("No antiforgery token on /Staff/Account: not signed in?");
        var values = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token));
        using var content = new FormUrlEncodedContent(values);
        return await Http.PostAsync(new Uri($"{path}?handler={Uri.EscapeDataString(handler)}", UriKind.Relative), content);
    }

    private static string CodeFor(byte[] secret, DateTimeOffset at) => new TotpCodes(TimeProvider.System).CodeFor(secret, at);

    public void Dispose() => Http.Dispose();
}
