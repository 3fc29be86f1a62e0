using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Intake.Tests.Infrastructure;

/// <summary>
/// The application as a separate operating-system process (<c>dotnet Intake.Web.dll</c>) over a given data
/// directory, for what an in-process host cannot show: being killed with SIGKILL, restarted, or run as a command.
/// </summary>
public sealed class IntakeProcess : IDisposable
{
    private readonly Process _process;

    private IntakeProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static string WebAssembly => Path.Combine(AppContext.BaseDirectory, "Intake.Web.dll");

    /// <summary>
    /// Starts the server on a free loopback port and waits until /healthz answers 200; <paramref name="settings"/>
    /// are configuration switches such as <c>--Intake:Admission:FreeBurst=1000</c>.
    /// </summary>
    public static Task<IntakeProcess> StartAsync(string dataDirectory, TimeSpan? timeout = null, params string[] settings) =>
        StartInAsync(DefaultWorkingDirectory, dataDirectory, timeout, settings);

    /// <summary>As <see cref="StartAsync"/>, with <paramref name="workingDirectory"/> as the process's current directory.</summary>
    public static Task<IntakeProcess> StartInAsync(string workingDirectory, string dataDirectory, TimeSpan? timeout = null, params string[] settings) =>
        LaunchAsync(workingDirectory, dataDirectory, TestDatabase.SettingsFor(dataDirectory), timeout, settings);

    /// <summary>
    /// One of several application nodes: its own <paramref name="dataDirectory"/> (logs; on SQLite its key ring),
    /// and the database of <paramref name="sharedDirectory"/>, where set-up ran (<see cref="TestDatabase.NodeSettingsFor"/>).
    /// </summary>
    public static Task<IntakeProcess> StartNodeAsync(string dataDirectory, string sharedDirectory, params string[] settings) =>
        LaunchAsync(DefaultWorkingDirectory, dataDirectory, TestDatabase.NodeSettingsFor(sharedDirectory), timeout: null, settings);

    private static async Task<IntakeProcess> LaunchAsync(
        string workingDirectory, string dataDirectory, IEnumerable<KeyValuePair<string, string>> database, TimeSpan? timeout, string[] settings)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}/");
        var errors = new System.Text.StringBuilder();
        var process = Start(dataDirectory, ["--urls", address.ToString().TrimEnd('/'), .. settings], database, workingDirectory, errors: errors);
        var server = new IntakeProcess(process, address);
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                process.WaitForExit();
                string said;
                lock (errors)
                {
                    said = errors.ToString();
                }

                throw new InvalidOperationException($"Intake exited with {process.ExitCode}: {said}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("healthz", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(200);
        }

        server.Kill();
        throw new TimeoutException("Intake did not become healthy in time");
    }

    /// <summary>Runs a command (<c>setup --from FILE</c>) to completion; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(string dataDirectory, params string[] arguments)
    {
        using var process = Start(dataDirectory, arguments, TestDatabase.SettingsFor(dataDirectory), drain: false);
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output + error);
    }

    /// <summary>SIGKILL: no shutdown, no flush, no chance to finish what is in flight.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private static string DefaultWorkingDirectory => Path.Combine(RepositoryRoot.Path, "Intake.Web");

    private static Process Start(
        string dataDirectory, string[] arguments, IEnumerable<KeyValuePair<string, string>> database,
        string? workingDirectory = null, bool drain = true, System.Text.StringBuilder? errors = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory ?? DefaultWorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WebAssembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add($"--Intake:DataDirectory={dataDirectory}");
        start.ArgumentList.Add($"--Intake:InstanceKeyFile={TestInstanceKey.Path}");
        start.ArgumentList.Add($"--Intake:Keys:ScryptWorkFactor={IntakeApplicationFactory.TestScryptWorkFactor}");
        start.ArgumentList.Add("--Intake:Keys:FreeSignIns=100000");
        foreach (var (key, value) in database)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        if (drain)
        {
            // Keep the pipes drained so a chatty server never blocks on a full buffer.
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, line) =>
            {
                if (errors is not null && line.Data is not null)
                {
                    lock (errors)
                    {
                        errors.AppendLine(line.Data);
                    }
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        return process;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
