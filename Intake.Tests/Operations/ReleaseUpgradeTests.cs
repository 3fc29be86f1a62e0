using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using AngleSharp.Dom;
using Intake.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Intake.Tests.Operations;

/// <summary>
/// The data directory the first release wrote through its own pages (ops/fixtures/make-release-fixture.sh: reports
/// with files in both channels, a reporter's follow-up, replies with a file, an internal note) starts on this build:
/// a backup is taken before the migrations, and afterwards the handlers sign in with their old passphrase and
/// authenticator and read every word and file, the reporters open their mailboxes with their old codes, and the
/// backup restores the release's own database.
/// </summary>
public sealed class ReleaseUpgradeTests : IAsyncLifetime
{
    private static readonly string _fixture = ReleaseInstallation.Fixture;
    private ReleaseInstallation _installation = null!;

    private ReleaseDescription Release => _installation.Release;

    private string Data => _installation.Data;

    // The real process migrates at start, as an upgraded installation does.
    public async Task InitializeAsync() => _installation = await ReleaseInstallation.MigrateAsync();

    public Task DisposeAsync()
    {
        _installation.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Handlers_SignInWithTheirOldCredentials_AndReadEveryWordAndFile()
    {
        await using var app = IntakeApplicationFactory.OverDataDirectory(Data);
        foreach (var (username, secret) in Release.TotpSecrets)
        {
            StaffBrowserClient.RememberSecret(app, username, Convert.FromBase64String(secret));
        }

        foreach (var item in Release.Cases)
        {
            using var handler = new StaffBrowserClient(app);
            var signedIn = await handler.SignInAsync(item.Channel == "threat" ? "tv-handler" : "wb-handler", Release.Passphrase);
            Assert.True(StaffBrowserClient.IsSignedIn(signedIn), $"{item.Channel} handler could not sign in");

            using var response = await handler.Http.GetAsync(new Uri($"/Staff/Cases/{item.Id}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await Html.ParseAsync(response);
            foreach (var text in item.Texts)
            {
                Assert.Contains(text, page.Body!.TextContent, StringComparison.Ordinal);
            }

            foreach (var file in item.Files)
            {
                await AssertDownloadAsync(handler.Http, response.RequestMessage!.RequestUri!, page, file);
            }
        }

        await using var scope = app.CreateScope();
        Assert.Equal(Release.Cases.Count, await IntakeApplicationFactory.CreateDbContext(scope).Cases.CountAsync());
    }

    [Fact]
    public async Task TheReleasesAuditLog_IsAuthenticatedOnceByTheOperator_AndVerifiesWithEverythingWrittenSince()
    {
        await using (var app = IntakeApplicationFactory.OverDataDirectory(Data))
        {
            StaffBrowserClient.RememberSecret(app, "wb-handler", Convert.FromBase64String(Release.TotpSecrets["wb-handler"]));
            using var handler = new StaffBrowserClient(app);
            Assert.True(StaffBrowserClient.IsSignedIn(await handler.SignInAsync("wb-handler", Release.Passphrase)));
        }

        var (sealCode, sealOutput) = await IntakeProcess.RunCommandAsync(Data, "audit", "seal-legacy");
        Assert.True(sealCode == 0, sealOutput);
        Assert.Contains("Sealed ", sealOutput, StringComparison.Ordinal);

        var (verifyCode, verified) = await IntakeProcess.RunCommandAsync(Data, "audit", "verify");
        Assert.True(verifyCode == 0, verified);
    }

    [Fact]
    public async Task Reporters_OpenTheirMailboxesWithTheirOldCodes_AndReadTheAnswersAndFiles()
    {
        await using var app = IntakeApplicationFactory.OverDataDirectory(Data);
        foreach (var item in Release.Cases)
        {
            using var reporter = new ReporterClient(app);
            var (response, mailbox) = await reporter.OpenMailboxAsync(item.Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = mailbox.Body!.TextContent;
            foreach (var expected in item.MailboxTexts)
            {
                Assert.Contains(expected, text, StringComparison.Ordinal);
            }

            // The internal note stays internal across the upgrade.
            Assert.DoesNotContain("RELEASE-NOTE", text, StringComparison.Ordinal);
            foreach (var file in item.Files.Where(f => mailbox.QuerySelectorAll("a").Any(a => a.TextContent.Trim() == f.Name)))
            {
                await AssertDownloadAsync(reporter.Http, response.RequestMessage!.RequestUri!, mailbox, file);
            }

            Assert.Equal(item.Files.Count > 0, mailbox.QuerySelectorAll("a").Any(a => item.Files.Any(f => f.Name == a.TextContent.Trim())));
        }
    }

    [Fact]
    public async Task TheBackupTakenBeforeTheMigrations_RestoresTheReleasesDatabase_WithTheRecoveryKey()
    {
        var backups = Directory.GetFiles(Path.Combine(Data, "backups"), "before-*.age");
        var backup = Assert.Single(backups);
        var identity = Path.Combine(_installation.Root, "recovery.txt");
        await File.WriteAllTextAsync(identity, Release.Recovery);

        var (exitCode, output) = await IntakeProcess.RunCommandAsync(Path.Combine(_installation.Root, "restored"), "restore", "--from", backup, "--identity", identity);

        Assert.True(exitCode == 0, output);
        Assert.Contains($"{Release.Cases.Count} cases", output, StringComparison.Ordinal);
        Assert.Equal(await MigrationsAsync(Path.Combine(_fixture, "data", "intake.db")), await MigrationsAsync(Path.Combine(_installation.Root, "restored", "intake.db")));
    }

    private static async Task AssertDownloadAsync(HttpClient http, Uri pageAddress, IDocument page, ReleaseFile file)
    {
        var link = page.QuerySelectorAll("a").FirstOrDefault(a => a.TextContent.Trim() == file.Name)
            ?? throw new InvalidOperationException($"no link to {file.Name}");
        using var download = await http.GetAsync(new Uri(pageAddress, link.GetAttribute("href")!));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(file.Length, bytes.Length);
        Assert.Equal(file.Sha256, Convert.ToHexString(SHA256.HashData(bytes)));
    }

    private static async Task<List<string>> MigrationsAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId";
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

}
