using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Intake.Crypto.Age;
using Intake.Web.Hosting;
using Intake.Web.Keys;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Cases;

/// <summary>
/// The export bundle of a case for the registry or archive: a ZIP of every sealed file exactly as stored, a
/// manifest in clear (codes, dates, file names inside the ZIP, key versions and recipients; never content) and
/// instructions for opening the files with the stock <c>age</c> tool. Nothing is decrypted: the ZIP is
/// written straight to the output stream, so no plaintext and no temporary file exists on the server.
/// </summary>
public sealed class CaseExport(IntakeDbContext db, DataDirectory data, CaseCalendar calendar)
{
    public const string ManifestFormat = "intake.export/v1";

    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<ExportPlan> PlanAsync(CaseRecord record, UnlockedKeyring keyring, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(keyring);
        var channelCode = await db.Channels.Where(c => c.Id == record.ChannelId).Select(c => c.Code).SingleAsync(cancellationToken);
        var keys = await db.ChannelKeys.AsNoTracking().Where(k => k.ChannelId == record.ChannelId).OrderBy(k => k.Version)
            .Select(k => new ExportKey(k.Version, k.Recipient, k.CreatedOn, k.RetiredOn)).ToListAsync(cancellationToken);
        var held = keyring.ChannelKeys.Where(k => k.ChannelId == record.ChannelId).OrderByDescending(k => k.Version).ToList();
        var entries = await db.CaseEntries.AsNoTracking().Include(e => e.Attachments)
            .Where(e => e.CaseId == record.Id).OrderBy(e => e.Position).ToListAsync(cancellationToken);

        var planned = new List<ExportEntry>();
        foreach (var entry in entries)
        {
            var stem = $"{entry.Position:D4}-{KindName(entry.Kind)}";
            var file = entry.Sealed is null ? null : FromBytes($"entries/{stem}.age", entry.Sealed, entry.ReadableByReporter, held, keys);
            var attachments = entry.Attachments.OrderBy(a => a.Index)
                .Select(a => FromAttachment($"attachments/{entry.Position:D4}-{a.Index + 1:D2}.age", a, entry.ReadableByReporter, held, keys))
                .ToList();
            planned.Add(new ExportEntry(entry.Position, KindName(entry.Kind), entry.CreatedOn, entry.ReadableByReporter, file, attachments));
        }

        var triage = record.SealedTriage is null ? null : FromBytes("triage.age", record.SealedTriage, false, held, keys);
        return new ExportPlan(record, channelCode, calendar.Today, keys, planned, triage);
    }

    /// <summary>Writes the ZIP to <paramref name="output"/>, which may be a response body (not seekable).</summary>
    public static async Task WriteZipAsync(ExportPlan plan, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        await using var buffered = new SyncWriteBufferStream(output);
        var zip = await ZipArchive.CreateAsync(buffered, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Encoding.UTF8, cancellationToken);
        await using (zip.ConfigureAwait(false))
        {
            await WriteTextAsync(zip, "manifest.json", Manifest(plan), cancellationToken);
            await WriteTextAsync(zip, "how-to-open.txt", ExportInstructions.Text(plan), cancellationToken);
            foreach (var file in plan.Files)
            {
                var entry = zip.CreateEntry(file.ZipName, CompressionLevel.NoCompression);
                var target = await entry.OpenAsync(cancellationToken);
                await using (target.ConfigureAwait(false))
                {
                    if (file.StoredBytes is not null)
                    {
                        await target.WriteAsync(file.StoredBytes, cancellationToken);
                    }
                    else if (file.StoredPath is not null)
                    {
                        var source = new FileStream(file.StoredPath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
                        await using (source.ConfigureAwait(false))
                        {
                            await source.CopyToAsync(target, cancellationToken);
                        }
                    }
                }
            }
        }

        await buffered.FlushAsync(cancellationToken);
    }

    /// <summary>The manifest: everything about the case that is kept in clear, and where each sealed file is.</summary>
    public static string Manifest(ExportPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var r = plan.Record;
        var manifest = new
        {
            format = ManifestFormat,
            caseNumber = r.CaseNumber,
            channel = plan.ChannelCode,
            exportedOn = Day(plan.ExportedOn),
            receivedOn = Day(r.ReceivedOn),
            origin = r.Origin.ToString(),
            sealedBy = r.SealedBy.ToString(),
            status = r.Status.ToString(),
            outcome = r.Outcome,
            category = r.Category,
            handlerCategories = Split(r.HandlerCategories),
            reporterRole = r.ReporterRole,
            incidentTypes = Split(r.IncidentTypes),
            incidentPlace = r.IncidentPlace,
            contactChannels = Split(r.ContactChannels),
            policeReported = r.PoliceReported,
            deadlines = new
            {
                acknowledgementDue = Day(r.AcknowledgementDue),
                acknowledgedOn = Day(r.AcknowledgedOn),
                feedbackDue = Day(r.FeedbackDue),
                feedbackGivenOn = Day(r.FeedbackGivenOn),
            },
            closedOn = Day(r.ClosedOn),
            disposeOn = Day(r.DisposeOn),
            legalHold = r.LegalHold,
            registryExportedOn = Day(r.RegistryExportedOn),
            channelKeys = plan.Keys.Select(k => new { version = k.Version, recipient = k.Recipient, createdOn = Day(k.CreatedOn), retiredOn = Day(k.RetiredOn) }),
            entries = plan.Entries.Select(e => new
            {
                position = e.Position,
                kind = e.Kind,
                date = Day(e.Date),
                readableByReporter = e.ReadableByReporter,
                file = e.File is null ? null : FileJson(e.File),
                attachments = e.Attachments.Select((a, i) => new { index = i, file = FileJson(a) }),
            }),
            triage = plan.Triage is null ? null : FileJson(plan.Triage),
        };
        return JsonSerializer.Serialize(manifest, _json);
    }

    public static string KindName(EntryKind kind) => kind switch
    {
        EntryKind.Report => "report",
        EntryKind.ReporterMessage => "reporter-message",
        EntryKind.HandlerMessage => "handler-message",
        EntryKind.InternalNote => "internal-note",
        EntryKind.ReceiptConfirmation => "receipt-confirmation",
        EntryKind.MeetingRequest => "meeting-request",
        _ => "entry",
    };

    private static object FileJson(ExportFile file) => new
    {
        name = file.ZipName,
        length = file.Length,
        channelKeyVersion = file.KeyVersion,
        channelRecipient = file.Recipient,
        alsoSealedToReporterMailbox = file.AlsoToMailbox,
    };

    private ExportFile FromAttachment(string zipName, CaseAttachment attachment, bool toMailbox, IReadOnlyList<UnlockedChannelKey> held, IReadOnlyList<ExportKey> keys)
    {
        var path = Path.Combine(data.Attachments, attachment.FileName);
        int? version;
        using (var stream = File.OpenRead(path))
        {
            version = VersionOf(stream, held);
        }

        return new ExportFile(zipName, attachment.SealedLength, version, RecipientOf(version, keys), toMailbox, null, path);
    }

    private static ExportFile FromBytes(string zipName, byte[] sealedBytes, bool toMailbox, IReadOnlyList<UnlockedChannelKey> held, IReadOnlyList<ExportKey> keys)
    {
        using var stream = new MemoryStream(sealedBytes, writable: false);
        var version = VersionOf(stream, held);
        return new ExportFile(zipName, sealedBytes.Length, version, RecipientOf(version, keys), toMailbox, sealedBytes, null);
    }

    /// <summary>Which held key version opens the file: reads only the header (and the payload nonce).</summary>
    private static int? VersionOf(Stream sealedFile, IReadOnlyList<UnlockedChannelKey> held)
    {
        foreach (var key in held)
        {
            sealedFile.Position = 0;
            try
            {
                using var opened = AgeFile.OpenRead(sealedFile, [key.Identity], leaveOpen: true);
                return key.Version;
            }
            catch (AgeNoIdentityMatchException)
            {
                // Sealed to another version; try the next one.
            }
            catch (AgeException)
            {
                return null;
            }
        }

        return null;
    }

    private static string? RecipientOf(int? version, IReadOnlyList<ExportKey> keys) =>
        version is null ? null : keys.FirstOrDefault(k => k.Version == version)?.Recipient;

    private static async Task WriteTextAsync(ZipArchive zip, string name, string text, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        var target = await entry.OpenAsync(cancellationToken);
        await using (target.ConfigureAwait(false))
        {
            await target.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        }
    }

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string[] Split(string? joined) =>
        string.IsNullOrEmpty(joined) ? [] : joined.Split([',', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
