using System.Globalization;

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
        Console.WriteLine($"{options.Clients} clients, {options.Seconds} s per scenario after {options.WarmupSeconds} s warm-up, 2 KB of text per report");
        Console.WriteLine();
        Console.WriteLine("| scenario | requests/s | p50 ms | p99 ms | errors |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var scenario in new[] { Scenario.StaticFile, Scenario.Health, Scenario.Submit })
        {
            var result = await LoadRun.RunAsync(server.Address, scenario, options);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {scenario.Name} | {result.PerSecond:0} | {result.P50:0.0} | {result.P99:0.0} | {result.Errors} |"));
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
}

internal sealed record LoadOptions(int Clients, int Seconds, int WarmupSeconds, int AttachmentMiB, string WebAssembly, string? LogLevel)
{
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
                _ => throw new ArgumentException("unknown option " + args[i]),
            };
        }

        return string.IsNullOrEmpty(options.WebAssembly) ? throw new ArgumentException("--web path/to/Intake.Web.dll is required") : options;
    }
}
