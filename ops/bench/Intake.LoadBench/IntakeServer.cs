using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Intake.LoadBench;

/// <summary>A set-up Intake process over a fresh data directory, deleted afterwards.</summary>
internal sealed class IntakeServer : IDisposable
{
    private readonly Process _process;
    private readonly LoadOptions _options;
    private readonly bool _ownsData;

    private IntakeServer(Process process, Uri address, string dataDirectory, LoadOptions options, bool ownsData)
    {
        _process = process;
        Address = address;
        DataDirectory = dataDirectory;
        _options = options;
        _ownsData = ownsData;
    }

    public Uri Address { get; }

    public string DataDirectory { get; }

    public int ProcessId => _process.Id;

    /// <summary>The activation code set-up printed for each account.</summary>
    public IReadOnlyDictionary<string, string> ActivationCodes { get; private init; } = new Dictionary<string, string>();

    public const string WhistleblowingHandler = "wb-one";
    public const string HandlerPassphrase = "bench-handler-passphrase";
    public const string StatisticsUser = "stats";

    /// <summary>Sets up a fresh data directory, lets <paramref name="beforeStart"/> fill it, then starts Intake.</summary>
    public static async Task<IntakeServer> StartAsync(LoadOptions options, Func<string, Task>? beforeStart = null)
    {
        options = options with { Settings = [.. options.Settings, .. await BenchDatabase.SettingsAsync()] };
        var root = Path.Combine(Path.GetTempPath(), "intake-load-" + Guid.NewGuid().ToString("N"));
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(root);
        var setup = Path.Combine(root, "setup.json");
        await File.WriteAllTextAsync(setup, $$"""
            {"organisationName":"Benchmark","administrator":{"username":"admin"},
             "channels":[{"code":"whistleblowing","handlers":[{"username":"wb-one"}]},
                         {"code":"threat","handlers":[{"username":"tv-one"}]}],
             "statistics":[{"username":"stats"}],
             "recoveryIdentityPath":"{{Path.Combine(root, "recovery.txt")}}"}
            """);
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var command = Start(options, data, "setup", "--from", setup))
        {
            var output = await command.StandardOutput.ReadToEndAsync();
            await command.WaitForExitAsync();
            if (command.ExitCode != 0)
            {
                throw new InvalidOperationException("set-up failed: " + output);
            }

            // Set-up prints one activation code per account; each account is activated with it at first sign-in.
            const string Prefix = "Activation code for ";
            foreach (var line in output.Split('\n').Where(l => l.StartsWith(Prefix, StringComparison.Ordinal)))
            {
                var parts = line[Prefix.Length..].Split(": ", 2);
                codes[parts[0]] = parts[1].Trim();
            }
        }

        if (beforeStart is not null)
        {
            await beforeStart(data);
        }

        var (process, address) = await LaunchAsync(options, data);
        return new IntakeServer(process, address, data, options, ownsData: true) { ActivationCodes = codes };
    }

    /// <summary>
    /// Another application node of this organisation (README, "Running on PostgreSQL"): the same database and
    /// instance key, this server's data directory as its files directory (attachments, drafts), and a data
    /// directory of its own beside it for its logs. Stopped, not deleted, on dispose.
    /// </summary>
    public async Task<IntakeServer> StartNodeAsync(string name)
    {
        if (BenchDatabase.Server is null)
        {
            throw new InvalidOperationException("several nodes share a PostgreSQL database: set INTAKE_BENCH_POSTGRES (ops/bench/database.sh does)");
        }

        var data = Path.Combine(Path.GetDirectoryName(DataDirectory)!, name);
        var options = _options with { Settings = [.. _options.Settings, $"--Intake:FilesDirectory={DataDirectory}"] };
        var (process, address) = await LaunchAsync(options, data);
        return new IntakeServer(process, address, data, options, ownsData: false) { ActivationCodes = ActivationCodes };
    }

    private static async Task<(Process Process, Uri Address)> LaunchAsync(LoadOptions options, string data)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}/");
        var process = Start(options, data, "--urls", address.ToString().TrimEnd('/'));
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = address };
        for (var i = 0; i < 300; i++)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("healthz", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return (process, address);
                }
            }
            catch (HttpRequestException)
            {
                // starting
            }

            await Task.Delay(100);
        }

        process.Kill(true);
        throw new TimeoutException("Intake did not start");
    }

    public double ResidentMiB()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        return 0;
    }

    /// <summary>Runs an operator command (<c>backup --to FILE</c>) on <paramref name="data"/> (this server's by default) beside it.</summary>
    public async Task<(int ExitCode, string Output, TimeSpan Elapsed)> RunCommandAsync(LoadOptions options, string? data, params string[] arguments)
    {
        var watch = Stopwatch.StartNew();
        using var command = Start(options, data ?? DataDirectory, arguments);
        var output = command.StandardOutput.ReadToEndAsync();
        var error = command.StandardError.ReadToEndAsync();
        await command.WaitForExitAsync();
        return (command.ExitCode, await output + await error, watch.Elapsed);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(true);
            _process.WaitForExit();
        }

        _process.Dispose();
        if (_ownsData)
        {
            Directory.Delete(Path.GetDirectoryName(DataDirectory)!, recursive: true);
        }
    }

    private static Process Start(LoadOptions options, string data, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var assembly = Path.GetFullPath(options.WebAssembly);
        // The project folder (bin/Release/net10.0 up three) is the content root: appsettings.json and wwwroot.
        start.WorkingDirectory = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(assembly)!, "..", "..", ".."));
        start.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add($"--Intake:DataDirectory={data}");
        // The instance key sits beside the data directory, never inside it.
        var key = Path.Combine(Path.GetDirectoryName(data)!, "instance.key");
        if (!File.Exists(key))
        {
            File.WriteAllText(key, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        }

        start.ArgumentList.Add($"--Intake:InstanceKeyFile={key}");
        // Room for the large-attachment measurement: the default limits (50 MB a file) would refuse it by design.
        if (options.AttachmentMiB > 0)
        {
            var limit = Math.Max(200L * 1000 * 1000, ((long)options.AttachmentMiB + 64) * 1024 * 1024);
            start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"--Intake:Uploads:MaxFileBytes={limit}"));
            start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"--Intake:Uploads:MaxSubmissionBytes={limit}"));
        }

        foreach (var setting in options.Settings)
        {
            start.ArgumentList.Add(setting);
        }

        if (options.LogLevel is { } level)
        {
            start.ArgumentList.Add($"--Serilog:MinimumLevel:Default={level}");
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
