using System.Diagnostics;
using Intake.Tests.Infrastructure;

namespace Intake.Tests.Operations;

/// <summary>Runs an operator's tool installed from Debian (systemd-analyze, nginx, caddy, tor) and returns what it said.</summary>
internal static class Tool
{
    public static (int ExitCode, string Output) Run(string path, string? home, params string[] arguments)
    {
        Assert.True(File.Exists(path), $"{path} is required (the project's test script installs it from Debian: ops/lib/test-prerequisites.sh).");
        var info = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        if (home is not null)
        {
            info.Environment["HOME"] = home;
            info.Environment["XDG_DATA_HOME"] = Path.Combine(home, "data");
            info.Environment["XDG_CONFIG_HOME"] = Path.Combine(home, "config");
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + path);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), path + " did not finish in time");
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    public static string Deploy(params string[] parts) => Path.Combine([RepositoryRoot.Path, "ops", "deploy", .. parts]);
}
