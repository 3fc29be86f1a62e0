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

        using var handler = await StaffSignIn.ActivateAsync(server.Address, IntakeServer.WhistleblowingHandler, server.ActivationCodes[IntakeServer.WhistleblowingHandler], IntakeServer.HandlerPassphrase);
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

        return await LatencyTable.MeasureAsync(handler, scenarios, options.Requests, options.Warmup) ? 0 : 3;
    }

    private static async Task<int> PageCountAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        var match = PagesPattern().Match(html);
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 1;
    }

    [GeneratedRegex(@"[Ss]ida \d+ av (\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex PagesPattern();
}
