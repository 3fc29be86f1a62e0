using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Intake.Crypto.Age;

namespace Intake.Bench;

/// <summary>Runs the whole comparison and prints the tables.</summary>
internal static class Runner
{
    private const double MemoryLimitMiB = 32;

    public static int Run(Options options)
    {
        string root = options.WorkDirectory ?? Path.GetTempPath();
        string dir = Path.Combine(root, "intake-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            return RunIn(dir, options);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static int RunIn(string dir, Options options)
    {
        var invariant = CultureInfo.InvariantCulture;
        string agePath = ResolveExecutable(options.AgePath);
        Console.WriteLine(string.Create(invariant, $"Intake.Crypto vs {agePath} ({Version(agePath)}), .NET {Environment.Version}, {Environment.ProcessorCount} cores"));
        Console.WriteLine($"work directory: {dir}");

        // One key pair for both tools, written as an age identity file.
        string keyFile = Path.Combine(dir, "key.txt");
        string recipient;
        using (var identity = X25519Identity.Generate())
        {
            recipient = identity.Recipient.ToString();
            File.WriteAllText(keyFile, $"# public key: {recipient}\n{identity.ExportSecretKey()}\n");
        }

        string plain = Path.Combine(dir, "plain.bin");
        WriteRandomFile(plain, (long)options.SizeMiB << 20);
        string sealedByAge = Path.Combine(dir, "sealed-by-age.age");
        string sealedByUs = Path.Combine(dir, "sealed-by-intake.age");
        string openedByAge = Path.Combine(dir, "opened-by-age.bin");
        string openedByUs = Path.Combine(dir, "opened-by-intake.bin");

        // Warm the page cache and the binaries once, untimed.
        RunProcess(agePath, ["-e", "-r", recipient, "-o", sealedByAge, plain]);
        RunChild(["encrypt", recipient, plain, sealedByUs]);

        var samples = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var inProcess = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (string key in new[] { "age -e", "Intake encrypt", "age -d", "Intake decrypt", "Intake no-op" })
        {
            samples[key] = [];
            inProcess[key] = [];
        }

        // Interleaved, so that drift on a shared machine hits both tools alike.
        for (int run = 0; run < options.Runs; run++)
        {
            samples["age -e"].Add(RunProcess(agePath, ["-e", "-r", recipient, "-o", sealedByAge, plain]));
            (double wall, ChildReport report) = RunChild(["encrypt", recipient, plain, sealedByUs]);
            samples["Intake encrypt"].Add(wall);
            inProcess["Intake encrypt"].Add(report.Seconds);

            // Both decrypt the file sealed by the CLI.
            samples["age -d"].Add(RunProcess(agePath, ["-d", "-i", keyFile, "-o", openedByAge, sealedByAge]));
            (wall, report) = RunChild(["decrypt", keyFile, sealedByAge, openedByUs]);
            samples["Intake decrypt"].Add(wall);
            inProcess["Intake decrypt"].Add(report.Seconds);

            // Start-up cost alone: same process, key file parsed, no file processed.
            (wall, report) = RunChild(["noop", keyFile]);
            samples["Intake no-op"].Add(wall);
            inProcess["Intake no-op"].Add(report.Seconds);
        }

        // Correctness, untimed: each tool opens what the other sealed, byte for byte.
        string expected = Sha256(plain);
        bool correct = Sha256(openedByAge) == expected && Sha256(openedByUs) == expected;
        RunProcess(agePath, ["-d", "-i", keyFile, "-o", openedByAge, sealedByUs]);
        correct &= Sha256(openedByAge) == expected;
        foreach (string f in new[] { sealedByAge, sealedByUs, openedByAge, openedByUs })
        {
            File.Delete(f);
        }

        double mib = options.SizeMiB;
        Console.WriteLine();
        Console.WriteLine(string.Create(invariant, $"Throughput, {options.SizeMiB} MiB random file, {options.Runs} runs each, wall clock of a fresh process (start-up included)"));
        Console.WriteLine("| operation      | best s | median s | best MiB/s | median MiB/s | in-process median s |");
        Console.WriteLine("|----------------|-------:|---------:|-----------:|-------------:|--------------------:|");
        foreach ((string name, List<double> values) in samples)
        {
            double best = values.Min();
            double median = Median(values);
            string inProc = inProcess[name].Count > 0 ? Median(inProcess[name]).ToString("0.000", invariant) : "-";
            string bestRate = name == "Intake no-op" ? "-" : (mib / best).ToString("0.0", invariant);
            string medianRate = name == "Intake no-op" ? "-" : (mib / median).ToString("0.0", invariant);
            Console.WriteLine(string.Create(invariant, $"| {name,-14} | {best,6:0.000} | {median,8:0.000} | {bestRate,10} | {medianRate,12} | {inProc,19} |"));
        }

        double encBest = samples["age -e"].Min() / samples["Intake encrypt"].Min();
        double encMedian = Median(samples["age -e"]) / Median(samples["Intake encrypt"]);
        double decBest = samples["age -d"].Min() / samples["Intake decrypt"].Min();
        double decMedian = Median(samples["age -d"]) / Median(samples["Intake decrypt"]);
        Console.WriteLine();
        Console.WriteLine(string.Create(invariant, $"speed ratio (age time / Intake time, > 1 means Intake is faster): encrypt best {encBest:0.00}x, median {encMedian:0.00}x; decrypt best {decBest:0.00}x, median {decMedian:0.00}x"));
        double encCall = Median(samples["age -e"]) / Median(inProcess["Intake encrypt"]);
        double decCall = Median(samples["age -d"]) / Median(inProcess["Intake decrypt"]);
        Console.WriteLine(string.Create(invariant, $"speed ratio of the library call alone (age process median / Intake in-process median, .NET start-up of about {Median(samples["Intake no-op"]):0.000} s excluded): encrypt {encCall:0.00}x, decrypt {decCall:0.00}x"));
        Console.WriteLine($"cross-check (each opens the other's file, SHA-256 equal): {(correct ? "ok" : "FAILED")}");
        bool fastEnough = encMedian >= 1 && decMedian >= 1;
        bool callFastEnough = encCall >= 1 && decCall >= 1;

        bool memoryOk = true;
        if (!options.SkipMemory)
        {
            memoryOk = MeasureMemory(dir, options, recipient, keyFile, agePath);
        }

        Console.WriteLine();
        Console.WriteLine($"claim 'at least as fast as the age CLI', whole process (medians): {(fastEnough ? "holds" : "DOES NOT HOLD")}");
        Console.WriteLine($"claim 'at least as fast as the age CLI', library call (medians): {(callFastEnough ? "holds" : "DOES NOT HOLD")}");
        if (!options.SkipMemory)
        {
            Console.WriteLine(string.Create(invariant, $"claim 'peak memory growth under {MemoryLimitMiB} MiB for a {options.MemorySizeMiB} MiB file': {(memoryOk ? "holds" : "DOES NOT HOLD")}"));
        }

        if (!correct)
        {
            return 1;
        }

        return options.Check && !(callFastEnough && memoryOk) ? 3 : 0;
    }

    private static bool MeasureMemory(string dir, Options options, string recipient, string keyFile, string agePath)
    {
        var invariant = CultureInfo.InvariantCulture;
        string plain = Path.Combine(dir, "plain.bin");
        File.Delete(plain);
        WriteRandomFile(plain, (long)options.MemorySizeMiB << 20);
        string sealedPath = Path.Combine(dir, "sealed.age");
        string opened = Path.Combine(dir, "opened.bin");

        (_, ChildReport noop) = RunChild(["noop", keyFile]);
        (_, ChildReport enc) = RunChild(["encrypt", recipient, plain, sealedPath]);
        long? ageEncryptMax = MaxRssKiB(agePath, ["-e", "-r", recipient, "-o", "/dev/null", plain]);
        File.Delete(plain);
        (_, ChildReport dec) = RunChild(["decrypt", keyFile, sealedPath, opened]);
        File.Delete(opened);
        long? ageDecryptMax = MaxRssKiB(agePath, ["-d", "-i", keyFile, "-o", "/dev/null", sealedPath]);
        File.Delete(sealedPath);

        Console.WriteLine();
        Console.WriteLine(string.Create(invariant, $"Peak memory, {options.MemorySizeMiB} MiB file, one fresh process per operation (VmHWM from /proc/self/status)"));
        Console.WriteLine("| operation      | RSS before op MiB | peak RSS MiB | peak growth during op MiB | peak vs no-op run MiB | managed allocations KiB | GCs (gen0/1/2) |");
        Console.WriteLine("|----------------|------------------:|-------------:|--------------------------:|----------------------:|------------------------:|---------------:|");
        foreach ((string name, ChildReport r) in new[] { ("no-op", noop), ("Intake encrypt", enc), ("Intake decrypt", dec) })
        {
            string gcs = $"{r.Gen0}/{r.Gen1}/{r.Gen2}";
            Console.WriteLine(string.Create(invariant, $"| {name,-14} | {r.RssBeforeKiB / 1024.0,17:0.0} | {r.HwmAfterKiB / 1024.0,12:0.0} | {r.PeakGrowthKiB / 1024.0,25:0.0} | {(r.HwmAfterKiB - noop.HwmAfterKiB) / 1024.0,21:0.0} | {r.AllocatedBytes / 1024.0,23:0.0} | {gcs,14} |"));
        }

        if (ageEncryptMax is long ageEncKiB && ageDecryptMax is long ageDecKiB)
        {
            Console.WriteLine(string.Create(invariant, $"(for reference, the age CLI on the same file, maximum resident set size from /usr/bin/time: -e {ageEncKiB / 1024.0:0.0} MiB, -d {ageDecKiB / 1024.0:0.0} MiB)"));
        }

        if (!enc.HwmReset)
        {
            Console.WriteLine("note: /proc/self/clear_refs was not writable; growth is measured against the start-up peak");
        }

        double worst = Math.Max(
            Math.Max(enc.PeakGrowthKiB, dec.PeakGrowthKiB),
            Math.Max(enc.HwmAfterKiB - noop.HwmAfterKiB, dec.HwmAfterKiB - noop.HwmAfterKiB)) / 1024.0;
        Console.WriteLine(string.Create(invariant, $"worst peak growth: {worst:0.0} MiB (limit {MemoryLimitMiB} MiB)"));
        return worst < MemoryLimitMiB;
    }

    private static void WriteRandomFile(string path, long length)
    {
        byte[] block = new byte[1 << 20];
        using FileStream f = File.Create(path);
        for (long written = 0; written < length; written += block.Length)
        {
            RandomNumberGenerator.Fill(block);
            f.Write(block, 0, (int)Math.Min(block.Length, length - written));
        }
    }

    private static string Sha256(string path)
    {
        using FileStream f = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(f));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        int mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>Runs the benchmark's own child mode in a fresh process.</summary>
    private static (double Wall, ChildReport Report) RunChild(string[] args)
    {
        string self = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var list = new List<string>();
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            list.Add(typeof(Runner).Assembly.Location);
        }

        list.Add("child");
        list.AddRange(args);
        (double wall, string stdout) = RunCaptured(self, list);
        ChildReport report = JsonSerializer.Deserialize<ChildReport>(stdout.Trim())
            ?? throw new InvalidOperationException("child printed no report");
        return (wall, report);
    }

    private static double RunProcess(string file, IEnumerable<string> args) => RunCaptured(file, args).Wall;

    private static (double Wall, string StandardOutput) RunCaptured(string file, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        long start = Stopwatch.GetTimestamp();
        using Process p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {file}");
        Task<string> stdout = p.StandardOutput.ReadToEndAsync();
        Task<string> stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        double wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {p.ExitCode}: {stderr.Result}");
        }

        return (wall, stdout.Result);
    }

    /// <summary>Maximum resident set size of a command, through /usr/bin/time, or null when unavailable.</summary>
    private static long? MaxRssKiB(string file, IEnumerable<string> args)
    {
        const string Time = "/usr/bin/time";
        if (!File.Exists(Time))
        {
            return null;
        }

        var psi = new ProcessStartInfo(Time) { RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-f");
        psi.ArgumentList.Add("maxrss=%M");
        psi.ArgumentList.Add(file);
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using Process p = Process.Start(psi)!;
        string err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        string? line = err.Split('\n').LastOrDefault(l => l.StartsWith("maxrss=", StringComparison.Ordinal));
        return p.ExitCode == 0 && line is not null ? long.Parse(line["maxrss=".Length..], CultureInfo.InvariantCulture) : null;
    }

    private static string ResolveExecutable(string name)
    {
        if (name.Contains('/', StringComparison.Ordinal))
        {
            return name;
        }

        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new UsageException($"{name} not found on PATH");
    }

    private static string Version(string agePath)
    {
        try
        {
            return RunCaptured(agePath, ["--version"]).StandardOutput.Trim();
        }
        catch (InvalidOperationException)
        {
            return "unknown version";
        }
    }
}
