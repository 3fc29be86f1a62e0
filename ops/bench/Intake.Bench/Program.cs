using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Intake.Crypto.Age;

namespace Intake.Bench;

/// <summary>
/// Throughput and memory benchmark of Intake.Crypto against the age command line tool.
/// See ops/bench/README.md.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        try
        {
            return args.Length > 0 && args[0] == "child"
                ? Child.Run(args.AsSpan(1).ToArray())
                : args.Length > 0 && args[0] == "recipients"
                ? RecipientBench.Run(args.AsSpan(1).ToArray())
                : args.Length > 0 && args[0] == "browser-seal"
                ? BrowserSealBench.Run(args.AsSpan(1).ToArray())
                : Runner.Run(Options.Parse(args));
        }
        catch (UsageException ex)
        {
            Console.Error.WriteLine($"usage error: {ex.Message}");
            Console.Error.WriteLine(Options.Usage);
            return 2;
        }
    }
}

internal sealed class UsageException(string message) : Exception(message);

internal sealed record Options(int SizeMiB, int MemorySizeMiB, int Runs, string AgePath, string? WorkDirectory, bool SkipMemory, bool Check)
{
    public const string Usage =
        "Intake.Bench [--size-mib 256] [--memory-mib 1024] [--runs 3] [--age /usr/bin/age] [--dir TMPDIR] [--skip-memory] [--check]";

    public static Options Parse(string[] args)
    {
        var o = new Options(256, 1024, 3, "age", null, false, false);
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new UsageException($"{args[i]} needs a value");
            int IntValue()
            {
                string name = args[i];
                return int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out int v) && v > 0
                    ? v
                    : throw new UsageException($"{name} needs a positive integer");
            }

            o = args[i] switch
            {
                "--size-mib" => o with { SizeMiB = IntValue() },
                "--memory-mib" => o with { MemorySizeMiB = IntValue() },
                "--runs" => o with { Runs = IntValue() },
                "--age" => o with { AgePath = Value() },
                "--dir" => o with { WorkDirectory = Value() },
                "--skip-memory" => o with { SkipMemory = true },
                "--check" => o with { Check = true },
                _ => throw new UsageException($"unknown argument {args[i]}"),
            };
        }

        return o;
    }
}

/// <summary>What a child process reports on its standard output (one JSON line).</summary>
internal sealed record ChildReport(double Seconds, long RssBeforeKiB, long HwmAfterKiB, bool HwmReset, long AllocatedBytes, int Gen0, int Gen1, int Gen2)
{
    public long PeakGrowthKiB => HwmAfterKiB - RssBeforeKiB;
}

/// <summary>
/// One operation in a fresh process: "child encrypt RECIPIENT IN OUT", "child decrypt KEYFILE IN OUT"
/// or "child noop KEYFILE" (same start-up work, no file processed).
/// The peak RSS (VmHWM) is reset just before the operation through /proc/self/clear_refs, so the
/// reported growth is the operation's own peak above the resident set it started from.
/// </summary>
internal static class Child
{
    public static int Run(string[] args)
    {
        if (args.Length < 2)
        {
            throw new UsageException("child needs an operation and its arguments");
        }

        string operation = args[0];
        Action work;
        switch (operation)
        {
            case "encrypt" when args.Length == 4:
                {
                    X25519Recipient recipient = X25519Recipient.Parse(args[1]);
                    work = () =>
                    {
                        using FileStream input = File.OpenRead(args[2]);
                        using FileStream output = File.Create(args[3]);
                        AgeFile.Encrypt(input, output, [recipient]);
                    };
                    break;
                }

            case "decrypt" when args.Length == 4:
                {
                    IReadOnlyCollection<IIdentity> identities = LoadIdentities(args[1]);
                    work = () =>
                    {
                        using FileStream input = File.OpenRead(args[2]);
                        using FileStream output = File.Create(args[3]);
                        AgeFile.Decrypt(input, output, identities);
                    };
                    break;
                }

            case "noop" when args.Length == 2:
                {
                    IReadOnlyCollection<IIdentity> identities = LoadIdentities(args[1]);
                    work = () => GC.KeepAlive(identities);
                    break;
                }

            default:
                throw new UsageException($"bad child arguments: {string.Join(' ', args)}");
        }

        bool reset = ProcStatus.TryResetPeak();
        long rssBefore = ProcStatus.ReadKiB("VmRSS:");
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        long start = Stopwatch.GetTimestamp();
        work();
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        long hwmAfter = ProcStatus.ReadKiB("VmHWM:");
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        Console.WriteLine(JsonSerializer.Serialize(new ChildReport(
            seconds,
            rssBefore,
            hwmAfter,
            reset,
            allocated,
            GC.CollectionCount(0) - collectionsBefore[0],
            GC.CollectionCount(1) - collectionsBefore[1],
            GC.CollectionCount(2) - collectionsBefore[2])));
        return 0;
    }

    private static IReadOnlyCollection<IIdentity> LoadIdentities(string keyFile) =>
        AgeIdentityFile.Parse(File.ReadAllText(keyFile));
}

internal static class ProcStatus
{
    /// <summary>Reads a "Vm…: N kB" line of /proc/self/status.</summary>
    public static long ReadKiB(string field)
    {
        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                string number = line[field.Length..].Trim().Split(' ')[0];
                return long.Parse(number, CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"{field} not found in /proc/self/status");
    }

    /// <summary>Resets VmHWM to the current RSS (Linux 4.0+: write 5 to clear_refs).</summary>
    public static bool TryResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
