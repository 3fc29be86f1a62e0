using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Intake.LoadBench;

/// <summary>
/// The restore drill of docs/operations.md, measured: a real Intake process takes <c>--cases</c> reports without
/// JavaScript, each with a <c>--file-kib</c> attachment; <c>backup --to</c> runs while it serves; the backup is
/// restored with the recovery identity into an empty directory; the restored database's case count is compared.
/// Prints the data directory's size, the backup's size and both times. See ops/bench/README.md, "Restore drill".
/// </summary>
internal static partial class RestoreDrill
{
    public static async Task<int> RunAsync(string[] args)
    {
        var cases = 1000;
        var fileKiB = 64;
        var web = string.Empty;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--cases": cases = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--file-kib": fileKiB = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--web": web = args[++i]; break;
                default: throw new ArgumentException("unknown argument " + args[i]);
            }
        }

        var options = new LoadOptions(4, 0, 0, 0, web, "Warning") { Settings = ["--Intake:Admission:FreeBurst=100000000"] };
        using var server = await IntakeServer.StartAsync(options);
        var root = Path.GetDirectoryName(server.DataDirectory)!;
        Console.WriteLine($"Intake on {server.Address} (pid {server.ProcessId}); {cases} reports without JavaScript, each with a {fileKiB} KiB file");

        var watch = Stopwatch.StartNew();
        var payload = RandomNumberGenerator.GetBytes(fileKiB * 1024);
        var next = 0;
        var failed = 0;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = server.Address };
            while (Interlocked.Increment(ref next) <= cases)
            {
                if (!await SubmitAsync(client, payload))
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Submitted in {watch.Elapsed.TotalSeconds:0.0} s, {failed} refused"));

        var backup = Path.Combine(root, "drill.backup.age");
        var (backedUp, backupOutput, backupTime) = await server.RunCommandAsync(options, null, "backup", "--to", backup);
        if (backedUp != 0)
        {
            Console.WriteLine("backup failed: " + backupOutput);
            return 1;
        }

        var restored = Path.Combine(root, "restored");
        var (restoredCode, restoreOutput, restoreTime) = await server.RunCommandAsync(
            options, restored, "restore", "--from", backup, "--identity", Path.Combine(root, "recovery.txt"));
        if (restoredCode != 0)
        {
            Console.WriteLine("restore failed: " + restoreOutput);
            return 1;
        }

        Console.WriteLine();
        Console.WriteLine("| | value |");
        Console.WriteLine("|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| data directory (database, sealed files, key ring) | {Size(server.DataDirectory):0.0} MB |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| backup file | {new FileInfo(backup).Length / 1e6:0.0} MB |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| backup, while serving (process start included) | {backupTime.TotalSeconds:0.0} s |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| restore into an empty directory (process start included) | {restoreTime.TotalSeconds:0.0} s |"));
        Console.WriteLine($"| backup says | {backupOutput.Trim().Split('\n')[^1].Trim()} |");
        Console.WriteLine($"| restore says | {restoreOutput.Trim().Split('\n')[0].Trim()} |");
        return CaseCount().Match(restoreOutput).Groups[1].Value == cases.ToString(CultureInfo.InvariantCulture) ? 0 : 1;
    }

    private static async Task<bool> SubmitAsync(HttpClient client, byte[] payload)
    {
        var html = await client.GetStringAsync(new Uri("report/whistleblowing", UriKind.Relative));
        using var content = new MultipartFormDataContent
        {
            { new StringContent(FloodBench.Attribute(html, "__RequestVerificationToken")), "__RequestVerificationToken" },
            { new StringContent(FloodBench.Attribute(html, "formStamp")), "formStamp" },
            { new StringContent("bribery"), "category" },
            { new StringContent("A report for the restore drill."), "whatHappened" },
            { new StringContent("anonymous"), "identityMode" },
            { new StringContent("true"), "allowAcknowledgement" },
            { new ByteArrayContent(payload), "attachments", "evidence.bin" },
        };
        using var response = await client.PostAsync(new Uri("report/whistleblowing", UriKind.Relative), content);
        return response.StatusCode == HttpStatusCode.OK;
    }

    private static double Size(string folder) =>
        new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) / 1e6;

    [GeneratedRegex(@"(\d+) cases")]
    private static partial Regex CaseCount();
}
