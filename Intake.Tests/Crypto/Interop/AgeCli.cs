using System.Diagnostics;
using System.Text;

namespace Intake.Tests.Crypto.Interop;

/// <summary>Runs the age command-line tools installed on the machine.</summary>
internal static class AgeCli
{
    public const string AgePath = "/usr/bin/age";
    public const string KeygenPath = "/usr/bin/age-keygen";

    public static void RequireInstalled()
    {
        Assert.True(
            File.Exists(AgePath) && File.Exists(KeygenPath),
            $"The age CLI is required at {AgePath} and {KeygenPath} (the project's test script installs the 'age' package).");
    }

    public static (int ExitCode, byte[] Stdout, string Stderr) Run(string fileName, IEnumerable<string> arguments, byte[]? stdin = null)
    {
        ProcessStartInfo info = new(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + fileName);
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using MemoryStream stdout = new();
        Task copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        if (stdin is not null)
        {
            process.StandardInput.BaseStream.Write(stdin);
        }

        process.StandardInput.Close();
        Assert.True(process.WaitForExit(60_000), fileName + " did not finish in time");
        copy.Wait();
        return (process.ExitCode, stdout.ToArray(), stderr.Result);
    }

    /// <summary>
    /// Runs age with its passphrase prompt attached to a pseudo-terminal (python3's pty
    /// module), answering every prompt with the passphrase.
    /// </summary>
    public static (int ExitCode, string Output) RunWithPassphrase(string passphrase, params string[] ageArguments)
    {
        const string driver = """
import os, pty, sys, time
passphrase = sys.argv[1].encode()
args = sys.argv[2:]
pid, fd = pty.fork()
if pid == 0:
    os.execv(args[0], args)
out = b""
answered = 0
while True:
    try:
        chunk = os.read(fd, 1024)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
    prompts = out.lower().count(b"passphrase")
    while answered < prompts:
        time.sleep(0.05)
        os.write(fd, passphrase + b"\n")
        answered += 1
_, status = os.waitpid(pid, 0)
sys.stdout.write(out.decode("utf-8", "replace"))
sys.exit(os.waitstatus_to_exitcode(status))
""";
        List<string> arguments = ["-c", driver, passphrase, AgePath, .. ageArguments];
        (int exitCode, byte[] stdout, string stderr) = Run("python3", arguments);
        return (exitCode, Encoding.UTF8.GetString(stdout) + stderr);
    }
}
