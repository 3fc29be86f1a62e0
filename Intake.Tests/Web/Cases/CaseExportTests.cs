using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Intake.Crypto.Age;
using Intake.Tests.Crypto.Interop;
using Intake.Tests.Infrastructure;
using Intake.Web.Audit;
using Intake.Web.Cases;
using Intake.Web.Keys;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Cases;

/// <summary>The export bundle opens with the stock age tool and the channel identity the handler exported.</summary>
public sealed class CaseExportTests : OrganisationTestBase, IDisposable
{
    private const string ExportPassphrase = "violet-harbour-copper-sundial";
    private readonly TempDirectory _work = new("intake-export");

    [Fact]
    public async Task ExportBundle_EveryFileOpensOffline_AfterAKeyRotation_ManifestMatches()
    {
        AgeCli.RequireInstalled();
        var (caseId, _) = await RetentionScenario.SubmitWhistleblowingAsync(App, "invoices split under the procurement limit");
        var before = await CurrentVersionAsync(); // the handler's activation has already rotated the set-up key once
        await RetentionScenario.RotateKeyAsync(App, ChannelCodes.Whistleblowing);
        await RetentionScenario.ReplyAndNoteAsync(App, caseId, StaffWorld.WhistleblowingHandler, "we are looking into it", "ask finance for the ledger");
        var record = await RetentionScenario.CaseAsync(App, caseId);
        using var handler = new StaffBrowserClient(App);
        await handler.SignInAsync(StaffWorld.WhistleblowingHandler);
        var exportPage = $"/Staff/Cases/{caseId}/Export";

        using var bundle = await RetentionScenario.PostAsync(handler, exportPage, "#export-bundle");
        using var identity = await RetentionScenario.PostAsync(handler, exportPage, "#export-identity", new() { ["Passphrase"] = ExportPassphrase });

        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.Equal("application/zip", bundle.Content.Headers.ContentType?.MediaType);
        Assert.Equal(record.CaseNumber + ".zip", bundle.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.True(bundle.Headers.CacheControl?.NoStore);
        Assert.Equal("whistleblowing-identity.age", identity.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.True(identity.Headers.CacheControl?.NoStore);
        var bundleFolder = Path.Combine(_work.Path, "bundle");
        await using (var zipBytes = await bundle.Content.ReadAsStreamAsync())
        {
            await ZipFile.ExtractToDirectoryAsync(zipBytes, bundleFolder);
        }

        var identityAge = Path.Combine(_work.Path, "whistleblowing-identity.age");
        var identityTxt = Path.Combine(_work.Path, "identity.txt");
        await File.WriteAllBytesAsync(identityAge, await identity.Content.ReadAsByteArrayAsync());
        var (openExit, openOutput) = AgeCli.RunWithPassphrase(ExportPassphrase, "-d", "-o", identityTxt, identityAge);
        Assert.True(openExit == 0, openOutput);
        Assert.Equal(before + 1, File.ReadAllLines(identityTxt).Count(l => l.StartsWith("AGE-SECRET-KEY-PQ-1", StringComparison.Ordinal)));

        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(bundleFolder, "manifest.json")));
        var root = manifest.RootElement;
        Assert.Equal(CaseExport.ManifestFormat, root.GetProperty("format").GetString());
        Assert.Equal(record.CaseNumber, root.GetProperty("caseNumber").GetString());
        Assert.Equal(ChannelCodes.Whistleblowing, root.GetProperty("channel").GetString());
        Assert.Equal(record.ReceivedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), root.GetProperty("receivedOn").GetString());
        Assert.Equal(record.FeedbackDue!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), root.GetProperty("deadlines").GetProperty("feedbackDue").GetString());
        Assert.Equal(before + 1, root.GetProperty("channelKeys").GetArrayLength());
        var entries = root.GetProperty("entries").EnumerateArray().ToList();
        await AssertEntriesMatchDatabaseAsync(caseId, entries);

        // The keys are hybrid post-quantum ones, which the stock age opens from 1.3 on: the script the instructions
        // name for older installations opens every file of the bundle.
        var instructions = await File.ReadAllTextAsync(Path.Combine(bundleFolder, "how-to-open.txt"));
        Assert.Contains("age -d -i identity.txt entries/0001-report.age", instructions, StringComparison.Ordinal);
        Assert.Contains("node open-bundle.mjs whistleblowing-identity.age", instructions, StringComparison.Ordinal);
        var opened = Path.Combine(_work.Path, "opened");
        var script = Intake.Tests.Interop.NodeRunner.Run(
            Intake.Tests.Interop.OfflineBundleOpenerTests.Script, [identityAge, bundleFolder, opened], ExportPassphrase + "\n");
        Assert.True(script.ExitCode == 0, script.StandardError);
        var decrypted = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in entries.SelectMany(FilesOf))
        {
            var name = file.GetProperty("name").GetString()!;
            decrypted[name] = await File.ReadAllBytesAsync(Path.Combine(opened, name[..^".age".Length]));
        }

        var report = entries.Single(e => e.GetProperty("kind").GetString() == "report");
        var note = entries.Single(e => e.GetProperty("kind").GetString() == "internal-note");
        var reportFile = report.GetProperty("file");
        Assert.Equal(before, reportFile.GetProperty("channelKeyVersion").GetInt32());
        Assert.Equal(before + 1, note.GetProperty("file").GetProperty("channelKeyVersion").GetInt32());
        Assert.False(note.GetProperty("file").GetProperty("alsoSealedToReporterMailbox").GetBoolean());
        Assert.Contains("invoices split under the procurement limit", Encoding.UTF8.GetString(decrypted[reportFile.GetProperty("name").GetString()!]), StringComparison.Ordinal);
        Assert.Contains("ask finance for the ledger", Encoding.UTF8.GetString(decrypted[note.GetProperty("file").GetProperty("name").GetString()!]), StringComparison.Ordinal);
        var attachment = Assert.Single(report.GetProperty("attachments").EnumerateArray()).GetProperty("file");
        Assert.Equal(RetentionScenario.EvidenceBytes, decrypted[attachment.GetProperty("name").GetString()!]);

        Assert.DoesNotContain("evidence.pdf", await File.ReadAllTextAsync(Path.Combine(bundleFolder, "manifest.json")), StringComparison.Ordinal);

        var audit = await RetentionScenario.AuditOfAsync(App, caseId);
        Assert.Single(audit, e => e.Kind == AuditKinds.CaseExported);
        Assert.Single(audit, e => e.Kind == AuditKinds.ChannelIdentityExported && e.Detail == "versions=" + string.Join(',', Enumerable.Range(1, before + 1).Reverse()));
        await RetentionScenario.AssertAuditChainIntactAsync(App);
    }

    [Fact]
    public async Task ExportBundle_FilesAreExactlyAsStored()
    {
        var (caseId, _) = await RetentionScenario.SubmitWhistleblowingAsync(App, "as stored");
        using var handler = new StaffBrowserClient(App);
        await handler.SignInAsync(StaffWorld.WhistleblowingHandler);

        using var bundle = await RetentionScenario.PostAsync(handler, $"/Staff/Cases/{caseId}/Export", "#export-bundle");

        using var zip = new ZipArchive(await bundle.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        await using var scope = App.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var stored = await db.CaseEntries.AsNoTracking().SingleAsync(e => e.CaseId == caseId && e.Kind == Intake.Web.Cases.EntryKind.Report);
        await using var inZip = await zip.GetEntry("entries/0001-report.age")!.OpenAsync();
        using var copy = new MemoryStream();
        await inZip.CopyToAsync(copy);
        Assert.Equal(stored.Sealed, copy.ToArray());
    }

    [Fact]
    public async Task IdentityExport_WeakPassphrase_IsRefused_NothingAudited()
    {
        var (caseId, _) = await RetentionScenario.SubmitWhistleblowingAsync(App, "x");
        using var handler = new StaffBrowserClient(App);
        await handler.SignInAsync(StaffWorld.WhistleblowingHandler);

        using var response = await RetentionScenario.PostAsync(handler, $"/Staff/Cases/{caseId}/Export", "#export-identity", new() { ["Passphrase"] = "short" });

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull((await Html.ParseAsync(response)).QuerySelector("#identity-passphrase-error"));
        Assert.DoesNotContain(await RetentionScenario.AuditOfAsync(App, caseId), e => e.Kind == AuditKinds.ChannelIdentityExported);
    }

    [Fact]
    public async Task ExportedIdentity_OpensWithTheLibrary_AndMatchesTheChannelRecipient()
    {
        var (caseId, _) = await RetentionScenario.SubmitWhistleblowingAsync(App, "y");
        using var handler = new StaffBrowserClient(App);
        await handler.SignInAsync(StaffWorld.WhistleblowingHandler);

        using var response = await RetentionScenario.PostAsync(handler, $"/Staff/Cases/{caseId}/Export", "#export-identity", new() { ["Passphrase"] = ExportPassphrase });

        using var scrypt = new ScryptIdentity(ExportPassphrase);
        var text = Encoding.ASCII.GetString(AgeFile.Decrypt(await response.Content.ReadAsByteArrayAsync(), [scrypt]));
        var identities = AgeIdentityFile.ParseAny(text);
        await using var scope = App.CreateScope();
        var channel = await StaffWorld.ChannelAsync(scope, ChannelCodes.Whistleblowing);
        var recipient = await scope.ServiceProvider.GetRequiredService<ChannelKeys>().CurrentRecipientAsync(channel.Id);
        // Every version the handler holds, newest first: the current one and those before it.
        Assert.Equal(await CurrentVersionAsync(), identities.Count);
        Assert.Equal(recipient, AgeKeys.Encode(identities[0].PublicRecipient));
        foreach (var identity in identities)
        {
            identity.Dispose();
        }
    }

    private async Task<int> CurrentVersionAsync()
    {
        await using var scope = App.CreateScope();
        var channel = await StaffWorld.ChannelAsync(scope, ChannelCodes.Whistleblowing);
        return await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().ChannelKeys.Where(k => k.ChannelId == channel.Id).MaxAsync(k => k.Version);
    }

    private async Task AssertEntriesMatchDatabaseAsync(Guid caseId, List<JsonElement> entries)
    {
        await using var scope = App.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().CaseEntries.AsNoTracking().Include(e => e.Attachments)
            .Where(e => e.CaseId == caseId).OrderBy(e => e.Position).ToListAsync();
        Assert.Equal(stored.Select(e => e.Position), entries.Select(e => e.GetProperty("position").GetInt32()));
        Assert.Equal(stored.Select(e => CaseExport.KindName(e.Kind)), entries.Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal(stored.Select(e => e.Sealed is not null), entries.Select(e => e.GetProperty("file").ValueKind == JsonValueKind.Object));
        Assert.Equal(stored.Select(e => e.Attachments.Count), entries.Select(e => e.GetProperty("attachments").GetArrayLength()));
    }

    private static IEnumerable<JsonElement> FilesOf(JsonElement entry)
    {
        if (entry.GetProperty("file").ValueKind == JsonValueKind.Object)
        {
            yield return entry.GetProperty("file");
        }

        foreach (var attachment in entry.GetProperty("attachments").EnumerateArray())
        {
            yield return attachment.GetProperty("file");
        }
    }

    public void Dispose() => _work.Dispose();
}
