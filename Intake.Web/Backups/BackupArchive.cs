using System.Formats.Tar;
using System.Text.Json;
using Intake.Crypto.Age;
using Intake.Crypto.Age.X25519;
using Intake.Web.Hosting;
using Intake.Web.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Intake.Web.Backups;

/// <summary>
/// Takes a backup while the service runs (docs/operations.md, "Backups"): a consistent snapshot of the database
/// (SQLite's <c>VACUUM INTO</c>, which reads one transaction's view while others write), the sealed attachments and
/// the Data Protection key ring, in one tar archive sealed with age to the organisation's recovery recipient and
/// the configured backup recipients. It is written to <c>FILE.partial</c> and renamed when complete, so a backup
/// file is always whole. Nothing readable is written outside the data directory.
/// </summary>
public sealed class BackupArchive(
    DataDirectory dataDirectory,
    IOptions<IntakeOptions> intakeOptions,
    IOptions<BackupOptions> backupOptions,
    IntakeDbContext db,
    LastBackup lastBackup,
    TimeProvider clock,
    Storage.Engines.StorageEngine engine)
{
    public const string DatabaseEntry = "intake.db";

    public async Task<BackupManifest> WriteAsync(string target, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        if (engine.Provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException(
                "This backup holds the embedded SQLite database. On PostgreSQL, back the database up with the engine's own tools " +
                "(pg_dump or pg_basebackup, sealed as docs/operations.md describes) and the shared attachment directory with it.");
        }

        var recipients = await RecipientsAsync(cancellationToken);
        var snapshot = Path.Combine(dataDirectory.Root, $".backup-{Guid.NewGuid():N}.db");
        var partial = target + ".partial";
        try
        {
            await SnapshotAsync(snapshot, cancellationToken);
            BackupManifest manifest;
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await using (var sealedStream = AgeFile.OpenWrite(file, recipients, leaveOpen: true))
                await using (var tar = new TarWriter(sealedStream, TarEntryFormat.Pax, leaveOpen: true))
                {
                    await tar.WriteEntryAsync(snapshot, DatabaseEntry, cancellationToken);
                    var attachments = 0;
                    foreach (var path in Directory.EnumerateFiles(dataDirectory.Attachments, "*.age").Order(StringComparer.Ordinal))
                    {
                        attachments += await AddIfPresentAsync(tar, path, "attachments/" + Path.GetFileName(path), cancellationToken) ? 1 : 0;
                    }

                    foreach (var path in Directory.EnumerateFiles(dataDirectory.KeyRing, "*.xml").Order(StringComparer.Ordinal))
                    {
                        await AddIfPresentAsync(tar, path, "keys/" + Path.GetFileName(path), cancellationToken);
                    }

                    manifest = await ManifestAsync(snapshot, attachments, cancellationToken);
                    await AddJsonAsync(tar, manifest, cancellationToken);
                }

                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }

            File.Move(partial, target, overwrite: true);
            lastBackup.Record(clock.GetUtcNow());
            return manifest;
        }
        finally
        {
            File.Delete(snapshot);
            File.Delete(partial);
        }
    }

    private async Task<List<IRecipient>> RecipientsAsync(CancellationToken cancellationToken)
    {
        var recovery = await db.Organisation.Select(o => o.RecoveryRecipient).SingleOrDefaultAsync(cancellationToken)
            ?? throw new BackupException("Intake is not set up yet: there is no recovery recipient to seal a backup to.");
        var recipients = new List<IRecipient> { AgeKeys.ParseRecipient(recovery) };
        foreach (var extra in backupOptions.Value.Recipients.Where(r => !string.IsNullOrWhiteSpace(r)))
        {
            recipients.Add(AgeKeys.TryParseRecipient(extra.Trim(), out var recipient)
                ? recipient
                : throw new BackupException($"Intake:Backup:Recipients: \"{extra}\" is not an age recipient (age1pq1… or age1…)."));

            // A file is sealed to post-quantum recipients only or to X25519 ones only: one X25519 stanza would leave
            // the backup open to a future quantum computer whatever the recovery key is.
            if (AgeKeys.IsPostQuantumRecipient(extra.Trim()) != AgeKeys.IsPostQuantumRecipient(recovery))
            {
                throw new BackupException(AgeKeys.IsPostQuantumRecipient(recovery)
                    ? $"Intake:Backup:Recipients: \"{extra}\" is an X25519 recipient, and the recovery key is post-quantum: give a post-quantum recipient (age1pq1…, from age-keygen -pq of age 1.3 or later)."
                    : $"Intake:Backup:Recipients: \"{extra}\" is post-quantum, and the recovery key is X25519: replace the recovery key on the recovery page first, or give an X25519 recipient (age1…).");
            }
        }

        return recipients;
    }

    private async Task SnapshotAsync(string snapshot, CancellationToken cancellationToken)
    {
        var source = new SqliteConnectionStringBuilder
        {
            DataSource = dataDirectory.DatabasePath(intakeOptions.Value),
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
        };
        await using var connection = new SqliteConnection(source.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $target";
        command.Parameters.AddWithValue("$target", snapshot);
        await command.ExecuteNonQueryAsync(cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(snapshot, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private async Task<BackupManifest> ManifestAsync(string snapshot, int attachments, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = snapshot, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        return new BackupManifest(
            BackupManifest.CurrentFormat,
            clock.GetUtcNow(),
            await ScalarAsync<long>(connection, "SELECT COUNT(*) FROM Cases", cancellationToken),
            attachments,
            await ScalarAsync<string?>(connection, "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId DESC LIMIT 1", cancellationToken));
    }

    private static async Task<T> ScalarAsync<T>(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? default! : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task AddJsonAsync(TarWriter tar, BackupManifest manifest, CancellationToken cancellationToken)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, BackupManifest.EntryName)
        {
            DataStream = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(manifest)),
            Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        await tar.WriteEntryAsync(entry, cancellationToken);
    }

    /// <summary>Adds a file unless it went away meanwhile (a case disposed of while the backup ran).</summary>
    private static async Task<bool> AddIfPresentAsync(TarWriter tar, string path, string name, CancellationToken cancellationToken)
    {
        try
        {
            await tar.WriteEntryAsync(path, name, cancellationToken);
            return true;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
    }
}

/// <summary>A backup or restore that cannot be done, with a message for the operator.</summary>
public sealed class BackupException(string message, Exception? innerException = null) : Exception(message, innerException);
