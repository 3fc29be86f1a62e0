using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Intake.LoadBench;

/// <summary>
/// Latency of a list of GET scenarios through one signed-in client: every round requests each scenario once
/// (interleaved, so that load from elsewhere hits them alike), the first rounds are discarded, and p50/p95/p99 and
/// the maximum are over the rest, from sending to the last byte of the body. A request counts as an error unless
/// it answers 200 without being sent to sign-in. Prints the table; true when every target and request held.
/// </summary>
internal static class LatencyTable
{
    public static async Task<bool> MeasureAsync(HttpClient client, IReadOnlyList<(string Name, string Path, double? Target)> scenarios, int requests, int warmup)
    {
        var samples = scenarios.Select(_ => new List<double>(requests)).ToList();
        var bytes = new long[scenarios.Count];
        var errors = new int[scenarios.Count];
        for (var round = 0; round < warmup + requests; round++)
        {
            for (var s = 0; s < scenarios.Count; s++)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(new Uri(scenarios[s].Path, UriKind.Relative), HttpCompletionOption.ResponseContentRead);
                var body = await response.Content.ReadAsByteArrayAsync();
                var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                var ok = response.StatusCode == HttpStatusCode.OK && !response.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/Staff/SignIn", StringComparison.Ordinal);
                if (!ok)
                {
                    errors[s]++;
                }
                else if (round >= warmup)
                {
                    samples[s].Add(elapsed);
                    bytes[s] = body.Length;
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine($"{requests} requests per scenario after {warmup} warm-up rounds, one client, scenarios interleaved");
        Console.WriteLine();
        Console.WriteLine("| scenario | p50 ms | p95 ms | p99 ms | max ms | KiB | errors | target p95 |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|");
        var met = true;
        for (var s = 0; s < scenarios.Count; s++)
        {
            var sorted = samples[s].Order().ToList();
            var p95 = Percentile(sorted, 0.95);
            var verdict = scenarios[s].Target is { } target ? (p95 < target ? $"< {target:0} ms: met" : $"< {target:0} ms: NOT met") : "-";
            met &= scenarios[s].Target is not { } t || p95 < t;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {scenarios[s].Name} | {Percentile(sorted, 0.5):0.0} | {p95:0.0} | {Percentile(sorted, 0.99):0.0} | {(sorted.Count == 0 ? 0 : sorted[^1]):0.0} | {bytes[s] / 1024.0:0.0} | {errors[s]} | {verdict} |"));
        }

        return met && errors.All(e => e == 0);
    }

    private static double Percentile(List<double> sorted, double q) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
}
