using System.Formats.Tar;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Intake.Crypto.Age;
using Intake.Crypto.Age.X25519;
using Intake.Tests.Infrastructure;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Tests.Operations;

/// <summary>
/// An operator backs up while reports arrive, loses the data directory, and restores from the backup with the
/// organisation's recovery identity: every case opens for its handler, the counts match and the audit chain
/// verifies. The backup holds no plaintext and opens with no other identity; a restore never overwrites and takes
/// nothing a backup does not hold.
/// </summary>
public sealed partial class BackupRestoreTests : IDisposable
{
    private readonly TempDirectory _dir = new("intake-backup");

    private string Backup => Path.Combine(_dir.Path, "intake.backup.age");

    [Fact]
    public async Task ABackupTakenWhileReportsArrive_RestoresWithEveryCaseReadable_AndTheAuditChainIntact()
    {
        var data = Path.Combine(_dir.Path, "data");
        var identityFile = Path.Combine(_dir.Path, "recovery.txt");
        string output;
        await using (var app = IntakeApplicationFactory.OverDataDirectory(data))
        {
            using var world = await StaffWorld.CreateAsync(app);
            await File.WriteAllTextAsync(identityFile, world.Recovery.ExportSecretKey() + "\n");
            using var reporter = new ReporterClient(app);
            for (var i = 0; i < 4; i++)
            {
                await SubmitAsync(reporter, i);
            }

            using var stop = new CancellationTokenSource();
            var arriving = Task.Run(async () =>
            {
                for (var i = 4; !stop.IsCancellationRequested; i++)
                {
                    await SubmitAsync(reporter, i);
                }
            });
            (var exitCode, output) = await IntakeProcess.RunCommandAsync(data, "backup", "--to", Backup);
            await stop.CancelAsync();
            await arriving;
            Assert.True(exitCode == 0, output);
        }

        var backup = await File.ReadAllBytesAsync(Backup);
        Assert.DoesNotContain("backup canary", Encoding.Latin1.GetString(backup), StringComparison.Ordinal);
        Directory.Delete(data, recursive: true);

        var (restored, restoreOutput) = await IntakeProcess.RunCommandAsync(data, "restore", "--from", Backup, "--identity", identityFile);
        Assert.True(restored == 0, restoreOutput);
        var cases = int.Parse(CaseCount().Match(output).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(cases >= 4, output);

        await using (var app = IntakeApplicationFactory.OverDataDirectory(data))
        {
            List<(Guid Id, int Number)> ids;
            await using (var scope = app.CreateScope())
            {
                var all = await IntakeApplicationFactory.CreateDbContext(scope).Cases.Select(c => c.Id).ToListAsync();
                ids = [.. all.Select((id, n) => (id, n))];
            }

            Assert.Equal(cases, ids.Count);
            using var handler = new StaffBrowserClient(app);
            Assert.True(StaffBrowserClient.IsSignedIn(await handler.SignInAsync(StaffWorld.WhistleblowingHandler)));
            foreach (var (id, _) in ids)
            {
                using var page = await handler.Http.GetAsync(new Uri($"/Staff/Cases/{id}", UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                Assert.Contains("backup canary", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        var (verified, verifyOutput) = await IntakeProcess.RunCommandAsync(data, "audit", "verify");
        Assert.True(verified == 0, verifyOutput);
    }

    [Fact]
    public async Task WithAnotherIdentity_NothingIsRestored()
    {
        using var recovery = X25519Identity.Generate();
        using var stranger = X25519Identity.Generate();
        await WriteBackupAsync(recovery, ("intake.db", [1, 2, 3]), ("backup.json", Manifest()));
        var identityFile = Path.Combine(_dir.Path, "stranger.txt");
        await File.WriteAllTextAsync(identityFile, stranger.ExportSecretKey());
        var data = Path.Combine(_dir.Path, "data");

        var (exitCode, output) = await IntakeProcess.RunCommandAsync(data, "restore", "--from", Backup, "--identity", identityFile);

        Assert.Equal(1, exitCode);
        Assert.Contains("does not open with this identity", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(data, "intake.db")));
    }

    [Theory]
    [InlineData("../escaped.db")]
    [InlineData("attachments/../../escaped.age")]
    [InlineData("keys/evil.sh")]
    [InlineData("/etc/cron.d/evil")]
    public async Task AnEntryABackupNeverHas_RefusesTheWholeRestore(string name)
    {
        using var recovery = X25519Identity.Generate();
        await WriteBackupAsync(recovery, ("intake.db", [1, 2, 3]), (name, [4, 5, 6]), ("backup.json", Manifest()));
        var identityFile = Path.Combine(_dir.Path, "recovery.txt");
        await File.WriteAllTextAsync(identityFile, recovery.ExportSecretKey());
        var data = Path.Combine(_dir.Path, "data");

        var (exitCode, output) = await IntakeProcess.RunCommandAsync(data, "restore", "--from", Backup, "--identity", identityFile);

        Assert.Equal(1, exitCode);
        Assert.Contains("never has", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(data, "intake.db")));
        Assert.False(File.Exists(Path.Combine(_dir.Path, "escaped.db")));
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(data), e => Path.GetFileName(e).StartsWith(".restore-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task IntoADirectoryThatHoldsData_ARestoreIsRefused()
    {
        using var recovery = X25519Identity.Generate();
        await WriteBackupAsync(recovery, ("intake.db", [1, 2, 3]), ("backup.json", Manifest()));
        var identityFile = Path.Combine(_dir.Path, "recovery.txt");
        await File.WriteAllTextAsync(identityFile, recovery.ExportSecretKey());
        var data = Directory.CreateDirectory(Path.Combine(_dir.Path, "data")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(data, "intake.db"), [9, 9, 9]);

        var (exitCode, output) = await IntakeProcess.RunCommandAsync(data, "restore", "--from", Backup, "--identity", identityFile);

        Assert.Equal(1, exitCode);
        Assert.Contains("not empty", output, StringComparison.Ordinal);
        Assert.Equal([9, 9, 9], await File.ReadAllBytesAsync(Path.Combine(data, "intake.db")));
    }

    private static async Task SubmitAsync(ReporterClient reporter, int i)
    {
        var (response, _) = await reporter.SubmitAsync("/report/whistleblowing", ReporterClient.MinimalWhistleblowing($"backup canary {i}"), [($"evidence-{i}.txt", Encoding.UTF8.GetBytes($"backup canary file {i}"))]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static byte[] Manifest() =>
        Encoding.UTF8.GetBytes("""{"format":"intake-backup/1","created":"2026-01-01T00:00:00+00:00","cases":0,"attachments":0,"migration":null}""");

    private async Task WriteBackupAsync(X25519Identity recipient, params (string Name, byte[] Content)[] entries)
    {
        await using var file = File.Create(Backup);
        await using var sealedStream = AgeFile.OpenWrite(file, [recipient.Recipient], leaveOpen: true);
        await using var tar = new TarWriter(sealedStream, TarEntryFormat.Pax, leaveOpen: true);
        foreach (var (name, content) in entries)
        {
            await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) });
        }
    }

    [GeneratedRegex(@"(\d+) cases")]
    private static partial Regex CaseCount();

    public void Dispose() => _dir.Dispose();
}
