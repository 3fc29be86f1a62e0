using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Intake.Crypto.Age;

namespace Intake.Bench;

/// <summary>
/// Cost of age's post-quantum hybrid recipient (mlkem768x25519) against X25519, measured in
/// one run: header bytes per stanza, and seal and open time per item with items of a
/// realistic size. Rounds interleave the two kinds so load from other processes hits both.
/// See ops/bench/README.md ("Hybrid post-quantum recipients").
/// </summary>
internal static class RecipientBench
{
    public const string Usage = "Intake.Bench recipients [--items 200] [--rounds 5] [--size-kib 4] [--recipients 2]";

    public static int Run(string[] args)
    {
        int items = 200, rounds = 5, sizeKiB = 4, recipientCount = 2;
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            int value = i + 1 < args.Length && int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out int v) && v > 0
                ? v
                : throw new UsageException($"{name} needs a positive integer");
            switch (name)
            {
                case "--items": items = value; break;
                case "--rounds": rounds = value; break;
                case "--size-kib": sizeKiB = value; break;
                case "--recipients": recipientCount = value; break;
                default: throw new UsageException($"unknown argument {name}; {Usage}");
            }
        }

        CultureInfo invariant = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(invariant, $"Hybrid (mlkem768x25519) vs X25519 recipients, .NET {Environment.Version}, {Environment.ProcessorCount} cores"));

        using X25519Identity classicA = X25519Identity.Generate();
        using X25519Identity classicB = X25519Identity.Generate();
        using HybridIdentity hybridA = HybridIdentity.Generate();
        using HybridIdentity hybridB = HybridIdentity.Generate();

        PrintSizes(classicA, classicB, hybridA, hybridB);
        CaseStorageGrowth.Print();

        List<X25519Identity> classicKeys = [classicA];
        List<HybridIdentity> hybridKeys = [hybridA];
        for (int i = 1; i < recipientCount; i++)
        {
            classicKeys.Add(X25519Identity.Generate());
            hybridKeys.Add(HybridIdentity.Generate());
        }

        try
        {
            IRecipient[] classic = [.. classicKeys.Select(k => (IRecipient)k.Recipient)];
            IRecipient[] hybrid = [.. hybridKeys.Select(k => (IRecipient)k.Recipient)];
            // The identity that opens is the last recipient's: the worst case, every stanza tried.
            IIdentity[] classicOpen = [classicKeys[^1]];
            IIdentity[] hybridOpen = [hybridKeys[^1]];
            byte[][] plaintexts = [.. Enumerable.Range(0, items).Select(_ => RandomNumberGenerator.GetBytes(sizeKiB * 1024))];

            // Warm-up: JIT and first-use costs on both paths.
            Time(plaintexts.Take(10).ToArray(), p => AgeFile.Encrypt(p, classic));
            Time(plaintexts.Take(10).ToArray(), p => AgeFile.Encrypt(p, hybrid));

            List<double> sealClassic = [], sealHybrid = [], openClassic = [], openHybrid = [], expand = [];
            byte[][] seeds = [.. Enumerable.Range(0, items).Select(_ => RandomNumberGenerator.GetBytes(32))];
            for (int round = 0; round < rounds; round++)
            {
                byte[][] sealedClassic = new byte[items][];
                byte[][] sealedHybrid = new byte[items][];
                sealClassic.Add(Time(plaintexts, (p, i) => sealedClassic[i] = AgeFile.Encrypt(p, classic)));
                sealHybrid.Add(Time(plaintexts, (p, i) => sealedHybrid[i] = AgeFile.Encrypt(p, hybrid)));
                openClassic.Add(Time(sealedClassic, f => AgeFile.Decrypt(f, classicOpen)));
                openHybrid.Add(Time(sealedHybrid, f => AgeFile.Decrypt(f, hybridOpen)));
                expand.Add(Time(seeds, s => HybridIdentity.FromSeed(s).Dispose()));
            }

            Console.WriteLine();
            Console.WriteLine(string.Create(invariant, $"Time per item: {items} items of {sizeKiB} KiB, {recipientCount} recipient(s) per item, {rounds} interleaved rounds (median / best of the rounds' per-item means)"));
            Console.WriteLine("| operation              | median µs/item | best µs/item | vs X25519 (median) |");
            Console.WriteLine("|------------------------|---------------:|-------------:|-------------------:|");
            Row("seal, X25519", sealClassic, sealClassic);
            Row("seal, hybrid", sealHybrid, sealClassic);
            Row("open, X25519", openClassic, openClassic);
            Row("open, hybrid", openHybrid, openClassic);
            Row("hybrid key from seed", expand, openClassic);
            Console.WriteLine("(a hybrid identity keeps only its 32-byte seed and expands the key pair for each file it opens;");
            Console.WriteLine(" \"hybrid key from seed\" is that expansion alone, part of \"open, hybrid\")");
            return 0;
        }
        finally
        {
            foreach (IDisposable key in classicKeys.Skip(1).Cast<IDisposable>().Concat(hybridKeys.Skip(1)))
            {
                key.Dispose();
            }
        }

        void Row(string name, List<double> perItemSeconds, List<double> reference)
        {
            double median = Median(perItemSeconds) * 1e6;
            double best = perItemSeconds.Min() * 1e6;
            double ratio = Median(perItemSeconds) / Median(reference);
            Console.WriteLine(string.Create(invariant, $"| {name,-22} | {median,14:F1} | {best,12:F1} | {ratio,17:F2}x |"));
        }
    }

    private static void PrintSizes(X25519Identity classicA, X25519Identity classicB, HybridIdentity hybridA, HybridIdentity hybridB)
    {
        CultureInfo invariant = CultureInfo.InvariantCulture;
        int classicOne = HeaderSize(AgeFile.Encrypt([], [classicA.Recipient]));
        int classicTwo = HeaderSize(AgeFile.Encrypt([], [classicA.Recipient, classicB.Recipient]));
        int hybridOne = HeaderSize(AgeFile.Encrypt([], [hybridA.Recipient]));
        int hybridTwo = HeaderSize(AgeFile.Encrypt([], [hybridA.Recipient, hybridB.Recipient]));
        int fixedPart = classicOne - (classicTwo - classicOne);
        Console.WriteLine();
        Console.WriteLine("Header size (binary file; the payload then adds a 16-byte nonce and a 16-byte tag per 64 KiB chunk, whatever the recipients)");
        Console.WriteLine("| recipient kind | bytes per stanza | header, 1 recipient | header, 2 recipients | recipient text chars |");
        Console.WriteLine("|----------------|-----------------:|--------------------:|---------------------:|---------------------:|");
        Console.WriteLine(string.Create(invariant, $"| X25519         | {classicTwo - classicOne,16} | {classicOne,19} | {classicTwo,20} | {classicA.Recipient.ToString().Length,20} |"));
        Console.WriteLine(string.Create(invariant, $"| hybrid         | {hybridTwo - hybridOne,16} | {hybridOne,19} | {hybridTwo,20} | {hybridA.Recipient.ToString().Length,20} |"));
        Console.WriteLine(string.Create(invariant, $"fixed part of every header (version and MAC lines): {fixedPart} bytes; growth per stanza, hybrid over X25519: {hybridTwo - hybridOne - (classicTwo - classicOne)} bytes"));
    }

    /// <summary>Bytes up to and including the MAC line's newline.</summary>
    private static int HeaderSize(byte[] file)
    {
        int macLine = file.AsSpan().IndexOf("\n--- "u8);
        return macLine + 1 + file.AsSpan(macLine + 1).IndexOf((byte)'\n') + 1;
    }

    private static double Time(byte[][] inputs, Action<byte[]> operation) => Time(inputs, (input, _) => operation(input));

    /// <summary>Mean seconds per item over one pass through <paramref name="inputs"/>.</summary>
    private static double Time(byte[][] inputs, Action<byte[], int> operation)
    {
        Stopwatch watch = Stopwatch.StartNew();
        for (int i = 0; i < inputs.Length; i++)
        {
            operation(inputs[i], i);
        }

        return watch.Elapsed.TotalSeconds / inputs.Length;
    }

    private static double Median(List<double> values)
    {
        List<double> sorted = [.. values.Order()];
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
