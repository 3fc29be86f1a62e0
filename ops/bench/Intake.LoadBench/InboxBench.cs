using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Intake.LoadBench;

internal sealed record InboxOptions(int Cases, int Threads, int Requests, int Warmup, int Seed, string WebAssembly, string? LogLevel)
{
    public static InboxOptions Parse(string[] args)
    {
        var options = new InboxOptions(100_000, 50, 300, 30, 1, string.Empty, null);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => args[++i];
            int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--cases" => options with { Cases = NextInt() },
                "--threads" => options with { Threads = NextInt() },
                "--requests" => options with { Requests = NextInt() },
                "--warmup" => options with { Warmup = NextInt() },
                "--seed" => options with { Seed = NextInt() },
                "--web" => options with { WebAssembly = Next() },
                "--log-level" => options with { LogLevel = Next() },
                _ => throw new ArgumentException("unknown option " + args[i]),
            };
        }

        return string.IsNullOrEmpty(options.WebAssembly) ? throw new ArgumentException("--web path/to/Intake.Web.dll is required") : options;
    }
}

/// <summary>
/// Latency of the case inbox and of a case page with a 10-message thread, over HTTP against a real Intake process
/// (Release, Kestrel) whose data directory holds many seeded cases. One signed-in handler sends the requests one
/// after the other, the scenarios interleaved round by round so that load from elsewhere hits all of them alike.
/// See ops/bench/README.md, "Inbox".
/// </summary>
internal static partial class InboxBench
{
    private const double InboxTargetMs = 100;
    private const double CaseTargetMs = 150;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = InboxOptions.Parse(args);
        SeedResult? seeded = null;
        var serverOptions = new LoadOptions(1, 0, 0, 0, options.WebAssembly, options.LogLevel);
        using var server = await IntakeServer.StartAsync(serverOptions, data =>
        {
            seeded = InboxSeeder.Seed(data, options.Cases, options.Threads, options.Seed);
            return Task.CompletedTask;
        });
        var seed = seeded!;
        Console.WriteLine($"Intake on {server.Address} (pid {server.ProcessId}), data in {server.DataDirectory}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Seeded {seed.Cases} cases ({seed.Open} with an open deadline, {seed.Disposed} disposed) and {seed.Entries} entries in {seed.Seconds:0.0} s; thread case {seed.ThreadCaseNumber}"));

        using var handler = await StaffSignIn.SignInAsync(server.Address, IntakeServer.WhistleblowingHandler, IntakeServer.HandlerPassphrase);
        var pages = await PageCountAsync(handler, "Staff/Cases");
        var allPages = await PageCountAsync(handler, "Staff/Cases?disposed=true");
        var scenarios = new List<(string Name, string Path, double? Target)>
        {
            ("static file /favicon.svg (reference)", "favicon.svg", null),
            ("GET /healthz (reference, one query)", "healthz", null),
            ("inbox, first page", "Staff/Cases", InboxTargetMs),
            ("inbox, filtered: under investigation, mine", "Staff/Cases?status=UnderInvestigation&assignee=Me", InboxTargetMs),
            ("inbox, filtered: overdue only", "Staff/Cases?overdue=true", InboxTargetMs),
            ("inbox, sorted by next deadline", "Staff/Cases?sort=Deadline", InboxTargetMs),
            ($"inbox, deep page (last of {pages})", $"Staff/Cases?p={pages}", InboxTargetMs),
            ($"inbox, disposed shown, deep page ({allPages / 2} of {allPages})", $"Staff/Cases?disposed=true&sort=Number&p={allPages / 2}", InboxTargetMs),
        };
        var casePath = $"Staff/Cases/{seed.ThreadCaseId}";
        using (var probe = await handler.GetAsync(new Uri(casePath, UriKind.Relative)))
        {
            if (probe.StatusCode == HttpStatusCode.OK && probe.RequestMessage!.RequestUri!.AbsolutePath == "/" + casePath)
            {
                // The page must really have opened the sealed thread: the last message's text is in it.
                var html = await probe.Content.ReadAsStringAsync();
                if (!html.Contains(InboxSeeder.LastMessageMarker, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"/{casePath} answered 200 without the decrypted thread");
                }

                scenarios.Add(("case page, 10-message thread", casePath, CaseTargetMs));
            }
            else
            {
                Console.WriteLine($"Case page /{casePath}: {(int)probe.StatusCode}, not measured (the case page is not on this build yet).");
            }
        }

        var samples = scenarios.Select(_ => new List<double>(options.Requests)).ToList();
        var bytes = new long[scenarios.Count];
        var errors = new int[scenarios.Count];
        for (var round = 0; round < options.Warmup + options.Requests; round++)
        {
            for (var s = 0; s < scenarios.Count; s++)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await handler.GetAsync(new Uri(scenarios[s].Path, UriKind.Relative), HttpCompletionOption.ResponseContentRead);
                var body = await response.Content.ReadAsByteArrayAsync();
                var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                var ok = response.StatusCode == HttpStatusCode.OK && !response.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/Staff/SignIn", StringComparison.Ordinal);
                if (!ok)
                {
                    errors[s]++;
                }
                else if (round >= options.Warmup)
                {
                    samples[s].Add(elapsed);
                    bytes[s] = body.Length;
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine($"{options.Requests} requests per scenario after {options.Warmup} warm-up rounds, one client, scenarios interleaved");
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

        return met && errors.All(e => e == 0) ? 0 : 3;
    }

    private static double Percentile(List<double> sorted, double q) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static async Task<int> PageCountAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        var match = PagesPattern().Match(html);
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 1;
    }

    [GeneratedRegex(@"[Ss]ida \d+ av (\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex PagesPattern();
}
