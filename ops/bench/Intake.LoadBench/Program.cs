using System.Globalization;
using Intake.Tests.Infrastructure;

namespace Intake.LoadBench;

/// <summary>
/// Load benchmark of the report form without JavaScript, against a real Intake process on loopback.
/// See ops/bench/README.md, "Submissions".
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "inbox")
        {
            return await InboxBench.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "flood")
        {
            return await FloodBench.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "drill")
        {
            return await RestoreDrill.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "signin")
        {
            return await SignInBench.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "statistics")
        {
            return await StatisticsBench.RunAsync(args[1..]);
        }

        // This measures throughput, not the flood defences: the report budget is set out of the way.
        var options = LoadOptions.Parse(args) with { Settings = ["--Intake:Admission:FreeBurst=100000000"] };
        using var server = await IntakeServer.StartAsync(options);
        Console.WriteLine($"Intake on {server.Address} (pid {server.ProcessId}) on {BenchDatabase.EngineName}, data in {server.DataDirectory}");
        var others = new List<IntakeServer>();
        try
        {
            await RunScenariosAsync(server, others, options);
        }
        finally
        {
            foreach (var other in others)
            {
                other.Dispose();
            }
        }

        if (options.AttachmentMiB > 0)
        {
            Console.WriteLine();
            var memory = await UploadMemory.MeasureAsync(server, options.AttachmentMiB);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Streaming a {options.AttachmentMiB} MiB attachment: server RSS idle {memory.IdleMiB:0.0} MiB, peak {memory.PeakMiB:0.0} MiB, growth {memory.PeakMiB - memory.IdleMiB:0.0} MiB, status {memory.Status}, {memory.Seconds:0.0} s"));
        }

        return 0;
    }

    /// <summary>Starts the further nodes (into <paramref name="others"/>) and the proxy when asked, then measures each scenario.</summary>
    private static async Task RunScenariosAsync(IntakeServer server, List<IntakeServer> others, LoadOptions options)
    {
        for (var i = 1; i < options.Nodes; i++)
        {
            others.Add(await server.StartNodeAsync("data-" + (i + 1).ToString(CultureInfo.InvariantCulture)));
            Console.WriteLine($"Node {i + 1} on {others[^1].Address} (pid {others[^1].ProcessId}), same database, files in {server.DataDirectory}");
        }

        await using var proxy = options.Nodes > 1 ? RoundRobinProxy.Start([server.Address, .. others.Select(o => o.Address)]) : null;
        var target = proxy?.Address ?? server.Address;
        if (proxy is not null)
        {
            Console.WriteLine($"Round-robin TCP proxy on {proxy.Address}: each client connection to the next node (every scenario below goes through it)");
        }

        Console.WriteLine($"{options.Clients} clients, {options.Seconds} s per scenario after {options.WarmupSeconds} s warm-up, 2 KB of text per report");
        Console.WriteLine();
        Console.WriteLine("| scenario | requests/s | p50 ms | p99 ms | errors |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var scenario in new[] { Scenario.StaticFile, Scenario.Health, Scenario.Submit })
        {
            var result = await LoadRun.RunAsync(target, scenario, options);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {scenario.Name} | {result.PerSecond:0} | {result.P50:0.0} | {result.P99:0.0} | {result.Errors} |"));
        }

        if (proxy is not null)
        {
            Console.WriteLine($"Connections per node: {string.Join(", ", proxy.Served)}");
        }
    }
}

internal sealed record LoadOptions(int Clients, int Seconds, int WarmupSeconds, int AttachmentMiB, string WebAssembly, string? LogLevel)
{
    /// <summary>Application nodes over the one database, behind a round-robin TCP proxy when more than one.</summary>
    public int Nodes { get; init; } = 1;

    /// <summary>More settings for the server, as command-line arguments.</summary>
    public IReadOnlyList<string> Settings { get; init; } = [];

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions(64, 15, 3, 1024, string.Empty, null);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => args[++i];
            options = args[i] switch
            {
                "--clients" => options with { Clients = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--seconds" => options with { Seconds = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--warmup" => options with { WarmupSeconds = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--attachment-mib" => options with { AttachmentMiB = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--web" => options with { WebAssembly = Next() },
                "--log-level" => options with { LogLevel = Next() },
                "--nodes" => options with { Nodes = int.Parse(Next(), CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException("unknown option " + args[i]),
            };
        }

        return string.IsNullOrEmpty(options.WebAssembly) ? throw new ArgumentException("--web path/to/Intake.Web.dll is required") : options;
    }
}
