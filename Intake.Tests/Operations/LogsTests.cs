using Intake.Tests.Infrastructure;

namespace Intake.Tests.Operations;

/// <summary>
/// Started as <c>dotnet /path/Intake.Web.dll</c> from any working directory, Intake reads its own settings and writes
/// its log files into the data directory's <c>logs</c> folder.
/// </summary>
public sealed class LogsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("intake-logs-").FullName;

    [Fact]
    public async Task StartedFromAnotherDirectory_ItWritesItsLogFile()
    {
        var elsewhere = Directory.CreateDirectory(Path.Combine(_dir, "elsewhere")).FullName;
        var data = Path.Combine(_dir, "data");
        using (await IntakeProcess.StartInAsync(elsewhere, data))
        {
            var logs = Path.Combine(data, "logs");
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (DateTime.UtcNow < deadline && !Directory.EnumerateFiles(logs, "intake-*.json").Any(f => new FileInfo(f).Length > 0))
            {
                await Task.Delay(200);
            }

            var file = Assert.Single(Directory.EnumerateFiles(logs, "intake-*.json"));
            using var reader = new StreamReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            Assert.Contains("Application started", await reader.ReadToEndAsync(), StringComparison.Ordinal);
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
