using System.Diagnostics;
using System.Text;

namespace Intake.Tests.Interop;

/// <summary>Result of one Node process run.</summary>
internal sealed record NodeResult(int ExitCode, string StandardOutput, string StandardError);

/// <summary>
/// Runs the Node helper scripts in Intake.Tests/Interop/js against the npm
/// packages installed at the repository root. Fails (never skips) with a clear
/// message when Node or node_modules is missing.
/// </summary>
internal static class NodeRunner
{
    private static readonly TimeSpan _defaultTimeout = TimeSpan.FromSeconds(60);
    private static readonly Lazy<string> _repositoryRoot = new(FindRepositoryRoot);
    private static readonly Lazy<string> _nodePath = new(FindNode);
    private static readonly Lazy<string?> _nodeVersionProblem = new(CheckNodeVersion);

    public static string RepositoryRoot => _repositoryRoot.Value;

    public static string ScriptPath(string name) => Path.Combine(RepositoryRoot, "Intake.Tests", "Interop", "js", name);

    /// <summary>Runs a helper script and returns its standard output; fails the test on a non-zero exit code.</summary>
    public static string RunChecked(string script, IEnumerable<string> arguments, string? standardInput = null)
    {
        NodeResult result = Run(script, arguments, standardInput);
        if (result.ExitCode != 0)
        {
            Assert.Fail($"node {script} {string.Join(' ', arguments)} exited with code {result.ExitCode}.{Environment.NewLine}stderr:{Environment.NewLine}{result.StandardError}");
        }

        return result.StandardOutput;
    }

    /// <summary>Runs a helper script and returns exit code and output, whatever the exit code.</summary>
    public static NodeResult Run(string script, IEnumerable<string> arguments, string? standardInput = null, TimeSpan? timeout = null)
    {
        EnsureNodeModules();
        if (_nodeVersionProblem.Value is string problem)
        {
            Assert.Fail(problem);
        }

        // A path with a folder is the repository's own (ops/offline/…); a bare name is a helper in Interop/js.
        string scriptPath = script.Contains('/', StringComparison.Ordinal) ? Path.Combine(RepositoryRoot, script) : ScriptPath(script);
        if (!File.Exists(scriptPath))
        {
            Assert.Fail($"Node helper script not found: {scriptPath}");
        }

        var startInfo = new ProcessStartInfo(_nodePath.Value)
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        startInfo.ArgumentList.Add(scriptPath);
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = startInfo };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stdout)
                {
                    stdout.AppendLine(e.Data);
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stderr)
                {
                    stderr.AppendLine(e.Data);
                }
            }
        };

        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Assert.Fail($"Could not start Node ({_nodePath.Value}): {ex.Message}. Install Node.js 20 or newer and run ops/test.sh (it runs `npm ci` at the repository root).");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using (var writer = new StreamWriter(process.StandardInput.BaseStream, new UTF8Encoding(false)))
        {
            if (standardInput is not null)
            {
                writer.Write(standardInput);
            }
        }

        TimeSpan limit = timeout ?? _defaultTimeout;
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"node {script} did not finish within {limit.TotalSeconds:0} s.{Environment.NewLine}stderr:{Environment.NewLine}{stderr}");
        }

        process.WaitForExit(); // drains the asynchronous output readers
        return new NodeResult(process.ExitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The helpers need Node 20 or newer (global Web Crypto); returns a failure message or null.</summary>
    private static string? CheckNodeVersion()
    {
        var startInfo = new ProcessStartInfo(_nodePath.Value, "--version")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            using Process process = Process.Start(startInfo)!;
            string version = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            string major = version.TrimStart('v').Split('.')[0];
            return int.TryParse(major, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int m) && m >= 20
                ? null
                : $"Node.js 20 or newer is required for the interop tests, found '{version}' at {_nodePath.Value}. Install it and run ops/test.sh (it runs `npm ci` at the repository root).";
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return $"Could not start Node ({_nodePath.Value}): {ex.Message}. Install Node.js 20 or newer and run ops/test.sh (it runs `npm ci` at the repository root).";
        }
    }

    private static void EnsureNodeModules()
    {
        string package = Path.Combine(RepositoryRoot, "node_modules", "age-encryption", "package.json");
        if (!File.Exists(package))
        {
            Assert.Fail($"npm packages are not installed ({package} is missing). Run ops/test.sh, or `npm ci` at the repository root, before the interop tests.");
        }
    }

    private static string FindRepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Intake.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Intake.sln not found above {AppContext.BaseDirectory}; the interop tests run from a build inside the repository.");
    }

    private static string FindNode()
    {
        string? configured = Environment.GetEnvironmentVariable("INTAKE_NODE");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        string[] path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (string dir in path)
        {
            foreach (string name in OperatingSystem.IsWindows() ? new[] { "node.exe" } : ["node"])
            {
                string candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        Assert.Fail("Node.js was not found on PATH (set INTAKE_NODE to its path). Install Node.js 20 or newer and run ops/test.sh (it runs `npm ci` at the repository root).");
        return string.Empty;
    }
}

/// <summary>A temporary directory outside the repository, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "intake-interop-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the OS cleans the temp directory eventually.
        }
    }
}
