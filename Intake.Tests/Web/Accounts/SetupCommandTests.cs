using System.Diagnostics;
using System.Text.Json;
using Intake.Tests.Infrastructure;
using Intake.Web.Commands;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Accounts;

/// <summary><c>setup --from FILE.json</c>: provisioning without a browser.</summary>
public sealed class SetupCommandTests : IAsyncLifetime
{
    private readonly IntakeApplicationFactory _app = new();
    private readonly TempDirectory _files = new("intake-setup");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _files.Dispose();
    }

    [Fact]
    public async Task SetupFromFile_CreatesEverythingAndWritesRecoveryIdentity()
    {
        var (file, recoveryPath) = WriteSetupFile();
        using var output = new StringWriter();

        await using var scope = _app.CreateScope();
        var exit = await SetupCommand.RunAsync(scope.ServiceProvider, file, output);

        Assert.Equal(0, exit);
        Assert.Contains("Generated passphrase for tv-one", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Generated passphrase for admin", output.ToString(), StringComparison.Ordinal);
        var identityFile = await File.ReadAllTextAsync(recoveryPath);
        var identities = Intake.Crypto.Age.AgeIdentityFile.Parse(identityFile);
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        Assert.Equal(identities.Single().Recipient.ToString(), await db.Organisation.Select(o => o.RecoveryRecipient).SingleAsync());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(recoveryPath));
        }
    }

    [Fact]
    public async Task SetupFromFile_SecondTime_RefusesAndChangesNothing()
    {
        var (file, _) = WriteSetupFile();
        await using var scope = _app.CreateScope();
        Assert.Equal(0, await SetupCommand.RunAsync(scope.ServiceProvider, file, TextWriter.Null));
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var users = await db.StaffUsers.CountAsync();
        var (second, secondRecovery) = WriteSetupFile("again");
        using var output = new StringWriter();

        var exit = await SetupCommand.RunAsync(scope.ServiceProvider, second, output);

        Assert.Equal(1, exit);
        Assert.Contains("already set up", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(users, await db.StaffUsers.CountAsync());
        Assert.False(File.Exists(secondRecovery));
    }

    [Fact]
    public async Task RecoveryFile_OpensChannelKeyWrapsWithTheAgeCli()
    {
        var (file, recoveryPath) = WriteSetupFile();
        await using var scope = _app.CreateScope();
        Assert.Equal(0, await SetupCommand.RunAsync(scope.ServiceProvider, file, TextWriter.Null));
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var wrap = await db.ChannelKeyWraps.Where(w => w.UserId == null).Select(w => w.WrappedIdentity).FirstAsync();
        var wrapPath = Path.Combine(_files.Path, "wrap.age");
        await File.WriteAllBytesAsync(wrapPath, wrap);

        var start = new ProcessStartInfo("age", ["-d", "-i", recoveryPath, wrapPath]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("age did not start: run ops/test.sh, which installs it");
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        Assert.StartsWith("AGE-SECRET-KEY-1", stdout, StringComparison.Ordinal);
    }

    private (string File, string RecoveryPath) WriteSetupFile(string suffix = "")
    {
        var recoveryPath = Path.Combine(_files.Path, $"recovery{suffix}.txt");
        var json = new
        {
            organisationName = "Exempelby kommun",
            contactText = new Dictionary<string, string> { ["sv"] = "Säkerhetsenheten", ["en"] = "The security unit" },
            administrator = new { username = "admin", passphrase = StaffWorld.Passphrase },
            channels = new object[]
            {
                new { code = "whistleblowing", handlers = new[] { new { username = "wb-one", passphrase = StaffWorld.Passphrase } } },
                new { code = "threat", handlers = new[] { new { username = "tv-one" } } },
            },
            recoveryIdentityPath = recoveryPath,
        };
        var path = Path.Combine(_files.Path, $"setup{suffix}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(json));
        return (path, recoveryPath);
    }
}
