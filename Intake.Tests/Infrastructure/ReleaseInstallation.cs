using System.Text.Json;

namespace Intake.Tests.Infrastructure;

/// <summary>
/// A copy of the data directory the first release wrote through its own pages (ops/fixtures/make-release-fixture.sh),
/// with what that release recorded about it (release.json: passphrase, authenticator secrets, recovery identity,
/// the cases' codes, texts and files), started once by the real process so that it is migrated as an upgraded
/// installation is.
/// </summary>
public sealed class ReleaseInstallation : IDisposable
{
    public static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Operations", "Fixtures", "release-2026-11");
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);
    private readonly TempDirectory _dir = new("intake-release-upgrade");

    private ReleaseInstallation(ReleaseDescription release) => Release = release;

    public ReleaseDescription Release { get; }

    public string Root => _dir.Path;

    public string Data => Path.Combine(_dir.Path, "data");

    public static async Task<ReleaseInstallation> MigrateAsync()
    {
        var release = JsonSerializer.Deserialize<ReleaseDescription>(await File.ReadAllTextAsync(Path.Combine(Fixture, "release.json")), _json)!;
        var installation = new ReleaseInstallation(release);
        CopyDirectory(Path.Combine(Fixture, "data"), installation.Data);
        using (await IntakeProcess.StartAsync(installation.Data))
        {
        }

        return installation;
    }

    /// <summary>An application over the migrated directory that knows the release's authenticator secrets.</summary>
    public IntakeApplicationFactory Open()
    {
        var app = IntakeApplicationFactory.OverDataDirectory(Data);
        foreach (var (username, secret) in Release.TotpSecrets)
        {
            StaffBrowserClient.RememberSecret(app, username, Convert.FromBase64String(secret));
        }

        return app;
    }

    public void Dispose() => _dir.Dispose();

    private static void CopyDirectory(string from, string to)
    {
        foreach (var path in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, path));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(path, target);
        }
    }
}

public sealed record ReleaseDescription(
    string Release, string Passphrase, string Recovery, Dictionary<string, string> TotpSecrets, List<ReleaseCase> Cases);

public sealed record ReleaseCase(Guid Id, string Token, string Channel, List<string> Texts, List<string> MailboxTexts, List<ReleaseFile> Files);

public sealed record ReleaseFile(string Name, string Sha256, int Length);
