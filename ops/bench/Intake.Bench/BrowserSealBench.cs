using System.Globalization;
using Microsoft.Playwright;

namespace Intake.Bench;

/// <summary>
/// The browser's part of post-quantum sealing: Chromium runs the npm age-encryption package, as the report form
/// and the mailbox do, and seals items to two hybrid recipients and to two X25519 recipients in the same page and
/// run, alternating rounds. Prints the median time per item of each kind and the sealed sizes.
/// Usage: browser-seal BUNDLE.js [--chromium /usr/bin/chromium] [--items 20] [--rounds 3] [--sizes 1024,1048576]
/// </summary>
internal static class BrowserSealBench
{
    public static int Run(string[] args)
    {
        if (args.Length == 0)
        {
            throw new UsageException("browser-seal needs the bundled script (ops/bench/browser-seal.sh makes it)");
        }

        var bundle = File.ReadAllText(args[0]);
        var chromium = "/usr/bin/chromium";
        var items = 20;
        var rounds = 3;
        int[] sizes = [1024, 1024 * 1024];
        for (var i = 1; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new UsageException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--chromium": chromium = Value(); break;
                case "--items": items = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--rounds": rounds = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--sizes": sizes = [.. Value().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))]; break;
                default: throw new UsageException($"unknown option {args[i]}");
            }
        }

        return RunAsync(bundle, chromium, items, rounds, sizes).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(string bundle, string chromium, int items, int rounds, int[] sizes)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true });
        var page = await browser.NewPageAsync();
        // WebCrypto needs a secure context: the page is served as http://localhost by the route, never by a server.
        await page.RouteAsync("http://localhost/**", route => route.FulfillAsync(new()
        {
            ContentType = "text/html",
            Body = "<!doctype html><title>seal bench</title><script>" + bundle.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase) + "</script>",
        }));
        await page.GotoAsync("http://localhost/seal-bench");
        var version = browser.Version;
        Console.WriteLine($"Chromium {version}; {items} items per round, {rounds} rounds alternating kinds; median ms per item, two recipients each.");
        Console.WriteLine("size\tkind\tmedian_ms\tsealed_bytes");
        foreach (var size in sizes)
        {
            var times = new Dictionary<string, List<double>> { ["x25519"] = [], ["hybrid"] = [] };
            var sealedBytes = new Dictionary<string, long>();
            for (var round = 0; round < rounds; round++)
            {
                foreach (var kind in round % 2 == 0 ? new[] { "x25519", "hybrid" } : ["hybrid", "x25519"])
                {
                    var result = await page.EvaluateAsync<SealResult>("([k, s, n]) => sealBench(k, s, n)", new object[] { kind, size, items });
                    times[kind].AddRange(result.Times);
                    sealedBytes[kind] = result.SealedBytes;
                }
            }

            foreach (var kind in new[] { "x25519", "hybrid" })
            {
                var sorted = times[kind].Order().ToList();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{size}\t{kind}\t{sorted[sorted.Count / 2]:0.00}\t{sealedBytes[kind]}"));
            }
        }

        return 0;
    }

    private sealed class SealResult
    {
        public double[] Times { get; set; } = [];

        public long SealedBytes { get; set; }
    }
}
