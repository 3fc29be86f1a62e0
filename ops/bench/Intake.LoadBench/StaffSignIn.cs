using System.Net;
using System.Text.RegularExpressions;
using Intake.Web.Accounts;
using OtpNet;

namespace Intake.LoadBench;

/// <summary>
/// Signs a staff member in for the first time over HTTP like a browser without JavaScript: the account is activated
/// with the code set-up printed and a passphrase, then the two-step enrolment follows, with the code computed from
/// the secret the enrolment page shows.
/// </summary>
internal static partial class StaffSignIn
{
    public static async Task<HttpClient> ActivateAsync(Uri address, string username, string activationCode, string passphrase)
    {
        var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = true };
        var client = new HttpClient(handler, disposeHandler: true) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            var activate = await GetAsync(client, "Staff/SignIn/Activate");
            var enrol = await PostFormAsync(client, activate, new()
            {
                ["Username"] = username,
                ["Code"] = activationCode,
                ["Passphrase"] = passphrase,
                ["RepeatPassphrase"] = passphrase,
            });
            var secret = SecretPattern().Match(enrol.Html);
            if (!secret.Success)
            {
                throw new InvalidOperationException($"{username}: expected the two-step enrolment page, got {enrol.Path}");
            }

            var code = new TotpCodes(TimeProvider.System).CodeFor(Base32Encoding.ToBytes(secret.Groups[1].Value.Trim()), DateTimeOffset.UtcNow);
            var signedIn = await PostFormAsync(client, enrol, new() { ["Code"] = code });
            if (signedIn.Path.StartsWith("/Staff/SignIn", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{username}: the code was refused");
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private sealed record Page(string Path, string Html);

    private static async Task<Page> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return new Page(response.RequestMessage!.RequestUri!.AbsolutePath, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts the page's form with its hidden fields (antiforgery token, return URL) and the given values.</summary>
    private static async Task<Page> PostFormAsync(HttpClient client, Page page, Dictionary<string, string> fields)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in HiddenInputPattern().Matches(page.Html))
        {
            var name = NamePattern().Match(input.Value);
            var value = ValuePattern().Match(input.Value);
            if (name.Success)
            {
                values[WebUtility.HtmlDecode(name.Groups[1].Value)] = value.Success ? WebUtility.HtmlDecode(value.Groups[1].Value) : string.Empty;
            }
        }

        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        using var content = new FormUrlEncodedContent(values);
        using var response = await client.PostAsync(new Uri(page.Path, UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        return new Page(response.RequestMessage!.RequestUri!.AbsolutePath, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("id=\"totp-secret\">([^<]+)<", RegexOptions.CultureInvariant)]
    private static partial Regex SecretPattern();

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex HiddenInputPattern();

    [GeneratedRegex("name=\"([^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex("value=\"([^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex ValuePattern();
}
