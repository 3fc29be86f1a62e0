using System.Diagnostics;
using System.Net;

namespace Intake.LoadBench;

/// <summary>What one client does in a loop: a static file, the health check, or a report submission.</summary>
internal sealed record Scenario(string Name, bool Submits, string Path)
{
    public static readonly Scenario StaticFile = new("static file /favicon.svg (reference)", false, "favicon.svg");
    public static readonly Scenario Health = new("GET /healthz (reference, one query)", false, "healthz");
    public static readonly Scenario Submit = new("POST /report/whistleblowing (sealed, committed)", true, "report/whistleblowing");
}

internal sealed record LoadResult(double PerSecond, double P50, double P99, int Errors);

/// <summary>
/// Closed-loop load: N clients each send one request after the other for a fixed time. Latency percentiles are
/// over the measured window only; the warm-up is discarded.
/// </summary>
internal static class LoadRun
{
    private static readonly string _text = new('x', 2048);

    public static async Task<LoadResult> RunAsync(Uri address, Scenario scenario, LoadOptions options)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients, UseCookies = false, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        var forms = new List<(string Cookie, string Token)>();
        for (var i = 0; i < options.Clients && scenario.Submits; i++)
        {
            forms.Add(await FormAsync(client, scenario.Path));
        }

        var warmupEnd = Stopwatch.GetTimestamp() + (long)(options.WarmupSeconds * Stopwatch.Frequency);
        var end = warmupEnd + (long)(options.Seconds * Stopwatch.Frequency);
        var latencies = new List<double>[options.Clients];
        var errors = 0;
        var workers = Enumerable.Range(0, options.Clients).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            while (Stopwatch.GetTimestamp() < end)
            {
                var start = Stopwatch.GetTimestamp();
                var ok = scenario.Submits ? await SubmitAsync(client, scenario.Path, forms[worker]) : await GetAsync(client, scenario.Path);
                var now = Stopwatch.GetTimestamp();
                if (!ok)
                {
                    Interlocked.Increment(ref errors);
                }
                else if (start >= warmupEnd && now <= end)
                {
                    mine.Add(Stopwatch.GetElapsedTime(start, now).TotalMilliseconds);
                }
            }
        }).ToList();
        await Task.WhenAll(workers);
        var all = latencies.SelectMany(l => l).Order().ToList();
        return all.Count == 0
            ? new LoadResult(0, 0, 0, errors)
            : new LoadResult(all.Count / (double)options.Seconds, all[all.Count / 2], all[(int)(all.Count * 0.99)], errors);
    }

    private static async Task<bool> GetAsync(HttpClient client, string path)
    {
        try
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseContentRead);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static async Task<bool> SubmitAsync(HttpClient client, string path, (string Cookie, string Token) form)
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.Token), "__RequestVerificationToken" },
            { new StringContent("fraud"), "category" },
            { new StringContent(_text), "whatHappened" },
            { new StringContent("anonymous"), "identityMode" },
            { new StringContent("true"), "allowAcknowledgement" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add("Cookie", form.Cookie);
        try
        {
            using var response = await client.SendAsync(request);
            return response.StatusCode == HttpStatusCode.Redirect;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>Loads the form once per client: its antiforgery cookie and token stay valid for the whole run.</summary>
    public static async Task<(string Cookie, string Token)> FormAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        const string marker = "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"";
        var at = html.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        var token = html[at..html.IndexOf('"', at)];
        var cookie = response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("intake.af=", StringComparison.Ordinal)).Split(';')[0];
        return (cookie, token);
    }
}
