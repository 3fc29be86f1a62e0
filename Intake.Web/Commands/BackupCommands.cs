using System.Diagnostics;
using System.Globalization;
using Intake.Crypto.Age;
using Intake.Web.Backups;
using Intake.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Intake.Web.Commands;

/// <summary><c>backup --to FILE</c> and <c>restore --from FILE --identity FILE</c> (docs/operations.md, "Backups").</summary>
public static class BackupCommands
{
    public static async Task<int> BackupAsync(IServiceProvider services, string target, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        var watch = Stopwatch.StartNew();
        try
        {
            var manifest = await services.GetRequiredService<BackupArchive>().WriteAsync(Path.GetFullPath(target));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Backup written to {target}: {manifest.Cases} cases, {manifest.Attachments} files, {new FileInfo(target).Length / 1024.0 / 1024.0:0.0} MB, in {watch.Elapsed.TotalSeconds:0.0} s."));
            return 0;
        }
        catch (Exception ex) when (ex is BackupException or IOException or UnauthorizedAccessException)
        {
            await output.WriteLineAsync("Backup failed: " + ex.Message);
            return 1;
        }
    }

    /// <summary>Runs before the database is opened: the data directory must still be empty.</summary>
    public static async Task<int> RestoreAsync(IServiceProvider services, string source, string identityFile, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        var watch = Stopwatch.StartNew();
        try
        {
            var identities = AgeIdentityFile.ParseAny(await File.ReadAllTextAsync(identityFile));
            await using var backup = File.OpenRead(source);
            var target = services.GetRequiredService<DataDirectory>();
            var manifest = await BackupRestore.RestoreAsync(backup, [.. identities], target, services.GetRequiredService<IOptions<IntakeOptions>>().Value.DatabaseFileName);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Restored into {target.Root}: {manifest.Cases} cases, {manifest.Attachments} files, from a backup of {manifest.Created:yyyy-MM-dd HH:mm} UTC, in {watch.Elapsed.TotalSeconds:0.0} s."));
            await output.WriteLineAsync("Start Intake on this directory and check the audit chain: audit verify.");
            return 0;
        }
        catch (Exception ex) when (ex is BackupException or IOException or UnauthorizedAccessException or AgeException or FormatException)
        {
            await output.WriteLineAsync("Restore failed: " + ex.Message);
            return 1;
        }
    }
}
