using Intake.Tests.Infrastructure;

namespace Intake.Tests.Web.KeyModel;

/// <summary>
/// Issue 12, item 8: a data directory that existed before the first start (made by hand, restored from a backup)
/// kept its modes, so intake.db was readable by every local user. Now everything in it is the service account's
/// only, and what is created later is too.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DataDirectoryPermissionsTests
{
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateDirectory = PrivateFile | UnixFileMode.UserExecute;

    [Fact]
    public async Task APreExistingDataDirectory_BecomesPrivate_AndNewFilesArePrivate()
    {
        using var directory = new TempDirectory("intake-perms");
        var open = PrivateDirectory | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(directory.Path, open);
        var logs = Directory.CreateDirectory(Path.Combine(directory.Path, "logs"), open).FullName;
        var stray = Path.Combine(logs, "old.json");
        await File.WriteAllTextAsync(stray, "{}");
        File.SetUnixFileMode(stray, PrivateFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await using (var app = IntakeApplicationFactory.OverDataDirectory(directory.Path))
        {
            await using var scope = app.CreateScope();
            using var world = await StaffWorld.CreateAsync(app);
        }

        Assert.Equal(PrivateDirectory, File.GetUnixFileMode(directory.Path));
        Assert.Equal(PrivateDirectory, File.GetUnixFileMode(logs));
        Assert.Equal(PrivateFile, File.GetUnixFileMode(stray));
        foreach (var file in Directory.EnumerateFiles(directory.Path, "*", SearchOption.AllDirectories))
        {
            Assert.True((File.GetUnixFileMode(file) & ~PrivateFile) == 0, $"{file} is {File.GetUnixFileMode(file)}");
        }

        foreach (var sub in Directory.EnumerateDirectories(directory.Path, "*", SearchOption.AllDirectories))
        {
            Assert.True((File.GetUnixFileMode(sub) & ~PrivateDirectory) == 0, $"{sub} is {File.GetUnixFileMode(sub)}");
        }
    }
}
