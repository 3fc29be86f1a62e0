using System.Text;
using Intake.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Intake.Tests.Web.Reporting;

/// <summary>
/// Reports, follow-up messages and attachments carrying a unique canary: afterwards no file in the data directory
/// (database, WAL, key ring, attachments, logs) nor in the temporary directory holds the canary in clear.
/// </summary>
public sealed class PlaintextCanaryTests
{
    [Fact]
    public async Task SubmittedContent_NeverReachesDiskOrLogsInClear()
    {
        var canary = "PLAINCANARY" + Guid.NewGuid().ToString("N")[..12];
        var marker = Path.Combine(Path.GetTempPath(), $"intake-canary-marker-{Guid.NewGuid():N}");
        await File.WriteAllBytesAsync(marker, []);
        File.SetLastWriteTimeUtc(marker, DateTime.UtcNow.AddSeconds(-2));
        using var data = new TempDirectory("intake-canary");
        var app = IntakeApplicationFactory.OverDataDirectory(data.Path);
        try
        {
            using var world = await StaffWorld.CreateAsync(app);
            using var reporter = new ReporterClient(app);
            var big = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(canary + " ", 40_000)));
            var (_, receipt) = await reporter.SubmitAsync("/report/whistleblowing", ReporterClient.MinimalWhistleblowing(canary),
                [("doc-" + canary + ".txt", big), ("small.txt", Encoding.UTF8.GetBytes(canary))]);
            await reporter.SubmitAsync("/en/report/threat", ReporterClient.MinimalThreat(canary));
            var invalid = ReporterClient.MinimalWhistleblowing(canary);
            invalid.Remove("category");
            await reporter.SubmitAsync("/report/whistleblowing", invalid, [("rejected.txt", big)]);
            var token = ReporterClient.TokenOn(receipt);
            Assert.False(string.IsNullOrEmpty(token));
        }
        finally
        {
            await app.DisposeAsync();
            SqliteConnection.ClearAllPools();
        }

        var hits = new List<string>();
        var needle = Encoding.UTF8.GetBytes(canary);
        foreach (var file in Directory.EnumerateFiles(data.Path, "*", SearchOption.AllDirectories).Concat(RecentTempFiles(marker, data.Path)))
        {
            byte[] content;
            try
            {
                content = await File.ReadAllBytesAsync(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException && !file.StartsWith(data.Path, StringComparison.Ordinal))
            {
                continue; // sockets, pipes and files other processes hold in the shared temp folder
            }

            if (content.AsSpan().IndexOf(needle) >= 0)
            {
                hits.Add(file);
            }
        }

        File.Delete(marker);
        Assert.True(Directory.EnumerateFiles(Path.Combine(data.Path, "attachments")).Any(), "attachments were stored");
        Assert.Empty(hits);
    }

    /// <summary>
    /// Regular files in the temporary directory written since the test began. Listed with find(1), which tells
    /// regular files from the pipes and sockets other processes keep there (opening a pipe would block).
    /// </summary>
    private static List<string> RecentTempFiles(string marker, string exclude)
    {
        var start = new System.Diagnostics.ProcessStartInfo("find") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.GetTempPath(), "-xdev", "-type", "f", "-newer", marker, "-size", "-65536k" })
        {
            start.ArgumentList.Add(argument);
        }

        using var find = System.Diagnostics.Process.Start(start)!;
        var files = find.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        find.WaitForExit();
        return files.Where(f => !f.StartsWith(exclude, StringComparison.Ordinal) && f != marker).ToList();
    }
}
