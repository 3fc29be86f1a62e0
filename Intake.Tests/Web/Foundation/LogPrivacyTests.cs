using System.Net.Http.Headers;
using Intake.Tests.Infrastructure;

namespace Intake.Tests.Web.Foundation;

/// <summary>
/// A request that carries a canary in its path, query, headers and form fields, sent from a forwarded client
/// address over a real socket, must leave neither the canary nor the address in any log output: the captured
/// pipeline (what the console sink receives) and the JSON log files in the data directory.
/// </summary>
public sealed class LogPrivacyTests
{
    private const string Canary = "CANARYx7Q2";
    private const string ForwardedAddress = "203.0.113.197";

    [Fact]
    public async Task RequestsCarryingCanary_LeaveNoTraceInAnyLogOutput()
    {
        using var data = new TempDirectory("intake-logs");
        var app = IntakeApplicationFactory.OverDataDirectory(data.Path);
        try
        {
            app.UseKestrelOnLoopback();
            app.StartServer();
            using var client = new HttpClient { BaseAddress = app.ServerAddress };
            await SendCanariesAsync(client);
            await SendMalformedRequestAsync(app.ServerAddress);
        }
        finally
        {
            // Stopping the host flushes and closes the log files; the data directory outlives it.
            await app.DisposeAsync();
        }

        var captured = app.Logs.RenderAll();
        var all = string.Join(Environment.NewLine, captured);
        Assert.True(captured.Any(line => line.Contains("\"RequestMethod\":\"GET\",\"RouteTemplate\":\"/\"", StringComparison.Ordinal)), all);
        Assert.True(captured.Any(line => line.Contains("\"RequestMethod\":\"POST\",\"RouteTemplate\":\"/\"", StringComparison.Ordinal)), all);
        AssertClean(captured, "log pipeline (console sink)");

        var files = Directory.GetFiles(Path.Combine(data.Path, "logs"), "intake-*.json");
        Assert.NotEmpty(files);
        var lines = files.SelectMany(File.ReadAllLines).ToList();
        Assert.Contains(lines, line => line.Contains("\"RouteTemplate\"", StringComparison.Ordinal));
        AssertClean(lines, "JSON log file");
    }

    private static async Task SendCanariesAsync(HttpClient client)
    {
        using (var get = new HttpRequestMessage(HttpMethod.Get, $"/{Canary}/path?token={Canary}&q={Canary}"))
        {
            Decorate(get);
            using var response = await client.SendAsync(get);
        }

        using (var getEnglish = new HttpRequestMessage(HttpMethod.Get, $"/en/?mailbox={Canary}"))
        {
            Decorate(getEnglish);
            using var response = await client.SendAsync(getEnglish);
        }

        using (var post = new HttpRequestMessage(HttpMethod.Post, $"/?token={Canary}"))
        {
            Decorate(post);
            post.Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["report"] = Canary,
                ["passphrase"] = Canary,
                ["__RequestVerificationToken"] = Canary,
            });
            using var response = await client.SendAsync(post);
        }

        using (var health = new HttpRequestMessage(HttpMethod.Get, $"/healthz?{Canary}"))
        {
            Decorate(health);
            using var response = await client.SendAsync(health);
        }

        using (var odd = new HttpRequestMessage(new HttpMethod(Canary), "/"))
        {
            Decorate(odd);
            using var response = await client.SendAsync(odd);
        }
    }

    /// <summary>A request Kestrel itself rejects: its own diagnostics must not echo the request line.</summary>
    private static async Task SendMalformedRequestAsync(Uri server)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        var raw = System.Text.Encoding.ASCII.GetBytes(
            $"GET /{Canary}?t={Canary} HTTP/1.1\r\nHost: {Canary}\r\nX-Forwarded-For: {ForwardedAddress}\r\nBroken header {Canary}\r\n\r\n");
        await stream.WriteAsync(raw);
        var buffer = new byte[1024];
        _ = await stream.ReadAsync(buffer);
    }

    private static void Decorate(HttpRequestMessage request)
    {
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", ForwardedAddress);
        request.Headers.TryAddWithoutValidation("X-Real-IP", ForwardedAddress);
        request.Headers.TryAddWithoutValidation("Forwarded", $"for={ForwardedAddress};proto=https");
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue(Canary, "1.0"));
        request.Headers.Referrer = new Uri($"https://example.org/{Canary}");
        request.Headers.TryAddWithoutValidation("X-Canary", Canary);
        request.Headers.TryAddWithoutValidation("Cookie", $"session={Canary}");
    }

    private static void AssertClean(IEnumerable<string> lines, string where)
    {
        foreach (var line in lines)
        {
            Assert.False(line.Contains(Canary, StringComparison.OrdinalIgnoreCase), $"{where} leaks the canary: {line}");
            Assert.False(line.Contains(ForwardedAddress, StringComparison.Ordinal), $"{where} leaks the client address: {line}");
        }
    }
}
