using System.Formats.Tar;
using System.Text.Json;
using System.Text.RegularExpressions;
using Intake.Crypto.Age;
using Intake.Web.Hosting;

namespace Intake.Web.Backups;

/// <summary>
/// Restores a backup (<see cref="BackupArchive"/>) into an empty data directory: opens it with the recovery (or a
/// backup) identity, accepts only the entries a backup has (the database, sealed attachments, key ring files, the
/// manifest; no other path, no link), unpacks into a staging folder inside the data directory and moves the files
/// into place only when all of it arrived. A data directory that already holds a database, attachments or keys is
/// refused: a restore never overwrites.
/// </summary>
public static partial class BackupRestore
{
    public static async Task<BackupManifest> RestoreAsync(Stream backup, IReadOnlyCollection<IIdentity> identities, DataDirectory target, string databaseFileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(backup);
        ArgumentNullException.ThrowIfNull(target);
        RequireEmpty(target, databaseFileName);
        target.EnsureCreated();
        var staging = Directory.CreateDirectory(Path.Combine(target.Root, $".restore-{Guid.NewGuid():N}")).FullName;
        try
        {
            BackupManifest? manifest = null;
            var database = false;
            Stream plaintext;
            try
            {
                plaintext = await AgeFile.OpenReadAsync(backup, identities, leaveOpen: true, cancellationToken);
            }
            catch (AgeNoIdentityMatchException ex)
            {
                throw new BackupException("The backup does not open with this identity. It is sealed to the organisation's recovery key and to the backup recipients configured when it was taken.", ex);
            }

            await using (plaintext)
            await using (var tar = new TarReader(plaintext, leaveOpen: true))
            {
                while (await tar.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
                {
                    var relative = Accept(entry);
                    if (relative == BackupManifest.EntryName)
                    {
                        manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(entry.DataStream!, cancellationToken: cancellationToken);
                        continue;
                    }

                    database |= relative == BackupArchive.DatabaseEntry;
                    var path = Path.Combine(staging, relative);
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    await entry.ExtractToFileAsync(path, overwrite: false, cancellationToken);
                }
            }

            if (manifest is not { Format: BackupManifest.CurrentFormat } || !database)
            {
                throw new BackupException("This file is not a complete Intake backup (its database or its manifest is missing).");
            }

            MoveIntoPlace(staging, target, databaseFileName);
            return manifest;
        }
        catch (Exception ex) when (ex is AgeException or InvalidDataException or EndOfStreamException or JsonException)
        {
            throw new BackupException("The backup is damaged or not an Intake backup: " + ex.Message, ex);
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    private static void RequireEmpty(DataDirectory target, string databaseFileName)
    {
        var occupied = File.Exists(Path.Combine(target.Root, databaseFileName))
            || (Directory.Exists(target.Attachments) && Directory.EnumerateFiles(target.Attachments).Any())
            || (Directory.Exists(target.KeyRing) && Directory.EnumerateFiles(target.KeyRing).Any());
        if (occupied)
        {
            throw new BackupException($"The data directory {target.Root} is not empty: a restore never overwrites. Restore into a new, empty directory.");
        }
    }

    /// <summary>The entry's path inside the data directory, or a refusal for anything a backup does not hold.</summary>
    private static string Accept(TarEntry entry)
    {
        var name = entry.Name;
        var allowed = entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile
            && (name is BackupManifest.EntryName or BackupArchive.DatabaseEntry || AttachmentEntry().IsMatch(name) || KeyEntry().IsMatch(name));
        return allowed ? name : throw new BackupException($"The backup holds an entry a backup never has (\"{name}\"): nothing was restored.");
    }

    private static void MoveIntoPlace(string staging, DataDirectory target, string databaseFileName)
    {
        foreach (var folder in new[] { "attachments", "keys" })
        {
            var from = Path.Combine(staging, folder);
            if (!Directory.Exists(from))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(from))
            {
                Place(file, Path.Combine(target.Root, folder, Path.GetFileName(file)));
            }
        }

        // The database last: a directory with a database is a restored one.
        Place(Path.Combine(staging, BackupArchive.DatabaseEntry), Path.Combine(target.Root, databaseFileName));
    }

    private static void Place(string from, string to)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(from, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(from, to, overwrite: false);
    }

    [GeneratedRegex("^attachments/[A-Za-z0-9_-]{1,100}\\.age$", RegexOptions.CultureInvariant)]
    private static partial Regex AttachmentEntry();

    [GeneratedRegex("^keys/key-[0-9a-f-]{36}\\.xml$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyEntry();
}
