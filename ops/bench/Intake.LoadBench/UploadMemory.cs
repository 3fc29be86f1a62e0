using System.Diagnostics;
using System.Net;

namespace Intake.LoadBench;

internal sealed record MemoryResult(double IdleMiB, double PeakMiB, HttpStatusCode Status, double Seconds);

/// <summary>
/// Streams one large attachment with the report form (generated on the fly, never held in memory by the client)
/// while sampling the server's resident set every 50 ms.
/// </summary>
internal static class UploadMemory
{
    public static async Task<MemoryResult> MeasureAsync(IntakeServer server, int mebibytes)
    {
        using var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(10) };
        var form = await LoadRun.FormAsync(client, "report/whistleblowing");
        GC.Collect();
        await Task.Delay(1000);
        var idle = server.ResidentMiB();
        var peak = idle;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, server.ResidentMiB());
                await Task.Delay(50);
            }
        });
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.Token), "__RequestVerificationToken" },
            { new StringContent("fraud"), "category" },
            { new StringContent("large attachment"), "whatHappened" },
            { new StringContent("anonymous"), "identityMode" },
            { new GeneratedContent((long)mebibytes * 1024 * 1024), "attachments", "large.bin" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "report/whistleblowing") { Content = content };
        request.Headers.Add("Cookie", form.Cookie);
        var started = Stopwatch.GetTimestamp();
        using var response = await client.SendAsync(request);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await sampling.CancelAsync();
        await sampler;
        return new MemoryResult(idle, peak, response.StatusCode, seconds);
    }

    private sealed class GeneratedContent(long length) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = new byte[64 * 1024];
            Random.Shared.NextBytes(chunk);
            for (long sent = 0; sent < length; sent += chunk.Length)
            {
                await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, length - sent)));
            }
        }

        protected override bool TryComputeLength(out long computed)
        {
            computed = length;
            return true;
        }
    }
}
