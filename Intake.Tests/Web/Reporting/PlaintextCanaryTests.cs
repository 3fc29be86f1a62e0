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
        var started = DateTime.UtcNow.AddSeconds(-1);
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
        foreach (var file in Directory.EnumerateFiles(data.Path, "*", SearchOption.AllDirectories).Concat(RecentTempFiles(started, data.Path)))
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

        Assert.True(Directory.EnumerateFiles(Path.Combine(data.Path, "attachments")).Any(), "attachments were stored");
        Assert.Empty(hits);
    }

    private static IEnumerable<string> RecentTempFiles(DateTime since, string exclude)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        return Directory.EnumerateFiles(Path.GetTempPath(), "*", options)
            .Where(f => !f.StartsWith(exclude, StringComparison.Ordinal))
            .Where(f =>
            {
                try
                {
                    var info = new FileInfo(f);
                    return info.LastWriteTimeUtc >= since && info.Length < 64 * 1024 * 1024;
                }
                catch (IOException)
                {
                    return false;
                }
            });
    }
}
