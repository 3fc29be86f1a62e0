using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Intake.LoadBench;

/// <summary>
/// Latency of the statistics pages and their CSV export over HTTP against a real Intake process whose data
/// directory holds the inbox benchmark's seeded cases, signed in as the statistics account, with a static file and
/// /healthz as references in the same run. See ops/bench/README.md, "Statistics".
/// </summary>
internal static class StatisticsBench
{
    private const double PageTargetMs = 200;
    private const double CsvTargetMs = 1000;

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
            $"Seeded {seed.Cases} cases ({seed.Open} with an open deadline, {seed.Disposed} disposed) and {seed.Entries} entries in {seed.Seconds:0.0} s"));

        using var client = await StaffSignIn.ActivateAsync(server.Address, IntakeServer.StatisticsUser, server.ActivationCodes[IntakeServer.StatisticsUser], IntakeServer.HandlerPassphrase);
        var lastYear = DateTime.Now.Year - 1;
        var scenarios = new List<(string Name, string Path, double? Target)>
        {
            ("static file /favicon.svg (reference)", "favicon.svg", null),
            ("GET /healthz (reference, one query)", "healthz", null),
            ("statistics, whistleblowing, last 12 months (default)", "Staff/Statistics", PageTargetMs),
            ("statistics, threats, 8 quarters", "Staff/Statistics?channel=threat&grain=quarter", PageTargetMs),
            ("statistics, whistleblowing, 10 years by year", $"Staff/Statistics?channel=whistleblowing&grain=year&from={lastYear - 9}&to={lastYear}", PageTargetMs),
            ("statistics, threats, 60 months (widest range)", $"Staff/Statistics?channel=threat&grain=month&from={lastYear - 4}-01&to={lastYear}-12", PageTargetMs),
            ("annual report, threats", $"Staff/Statistics/Annual?channel=threat&year={lastYear}", PageTargetMs),
            ("CSV, a year by month, whistleblowing", $"Staff/Statistics?channel=whistleblowing&grain=month&from={lastYear}-01&to={lastYear}-12&format=csv", CsvTargetMs),
            ("CSV, annual report, threats", $"Staff/Statistics/Annual?channel=threat&year={lastYear}&format=csv", CsvTargetMs),
        };
        // The first request of each scenario computes the years it needs (nothing is cached yet): printed apart,
        // since the measured rounds then read the years kept in memory.
        Console.WriteLine();
        Console.WriteLine("First request of each scenario, in this order (computes the years not yet kept in memory):");
        foreach (var (name, path, _) in scenarios.Skip(2))
        {
            var start = Stopwatch.GetTimestamp();
            using var probe = await client.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseContentRead);
            await probe.Content.ReadAsByteArrayAsync();
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (probe.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"/{path} answered {(int)probe.StatusCode}");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"- {name}: {elapsed:0.0} ms"));
        }

        return await LatencyTable.MeasureAsync(client, scenarios, options.Requests, options.Warmup) ? 0 : 3;
    }
}
