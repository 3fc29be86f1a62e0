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
        var printed = output.ToString();
        Assert.DoesNotContain("passphrase for", printed, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AGE-SECRET-KEY-", printed, StringComparison.Ordinal);
        var codes = printed.Split('\n').Where(l => l.StartsWith("Activation code for ", StringComparison.Ordinal))
            .Select(l => l["Activation code for ".Length..].Split(": ")).ToDictionary(p => p[0], p => p[1].Trim(), StringComparer.Ordinal);
        Assert.Equal(["admin", "tv-one", "wb-one"], codes.Keys.Order(StringComparer.Ordinal));
        var identityFile = await File.ReadAllTextAsync(recoveryPath);
        var identities = Intake.Crypto.Age.AgeIdentityFile.ParseAny(identityFile);
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        Assert.Equal(Intake.Crypto.Age.AgeKeys.Encode(identities.Single().PublicRecipient), await db.Organisation.Select(o => o.RecoveryRecipient).SingleAsync());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(recoveryPath));
        }
    }

    [Fact]
    public async Task SetupFromFile_PrintedCode_ActivatesTheAccountOnce()
    {
        var (file, _) = WriteSetupFile();
        using var output = new StringWriter();
        await using (var scope = _app.CreateScope())
        {
            Assert.Equal(0, await SetupCommand.RunAsync(scope.ServiceProvider, file, output));
        }

        var line = output.ToString().Split('\n').Single(l => l.StartsWith("Activation code for wb-one: ", StringComparison.Ordinal));
        var code = line["Activation code for wb-one: ".Length..].Trim();
        using var owner = new StaffBrowserClient(_app);
        using var activated = await owner.ActivateAsync("wb-one", code);
        Assert.Equal("/Staff", activated.RequestMessage!.RequestUri!.AbsolutePath);
        await Assert.ThrowsAsync<InvalidOperationException>(() => StaffWorld.ActivateAsync(_app, "wb-one", code, "another-long-passphrase-here"));
    }

    [Fact]
    public async Task SetupFromFile_WithAPassphrase_IsRefused()
    {
        var path = Path.Combine(_files.Path, "with-passphrase.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(new
        {
            organisationName = "Exempelby kommun",
            administrator = new { username = "admin", passphrase = StaffWorld.Passphrase },
            channels = new object[]
            {
                new { code = "whistleblowing", handlers = new[] { new { username = "wb-one" } } },
                new { code = "threat", handlers = new[] { new { username = "tv-one" } } },
            },
            recoveryIdentityPath = Path.Combine(_files.Path, "recovery-refused.txt"),
        }));
        using var output = new StringWriter();
        await using var scope = _app.CreateScope();

        Assert.Equal(1, await SetupCommand.RunAsync(scope.ServiceProvider, path, output));
        Assert.Contains("Administrator.Passphrase", output.ToString(), StringComparison.Ordinal);
        Assert.False(await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().StaffUsers.AnyAsync());
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
    public async Task RecoveryFile_OpensChannelKeyWrapsOffline()
    {
        var (file, recoveryPath) = WriteSetupFile();
        await using var scope = _app.CreateScope();
        Assert.Equal(0, await SetupCommand.RunAsync(scope.ServiceProvider, file, TextWriter.Null));
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var wrap = await db.ChannelKeyWraps.Where(w => w.UserId == null).Select(w => w.WrappedIdentity).FirstAsync();
        var wrapPath = Path.Combine(_files.Path, "wrap.age");
        var openedPath = Path.Combine(_files.Path, "wrap.txt");
        await File.WriteAllBytesAsync(wrapPath, wrap);

        // The keys are hybrid post-quantum ones: age opens them from 1.3 on; here the npm age-encryption package does.
        var recovery = (await File.ReadAllLinesAsync(recoveryPath)).Single(l => l.StartsWith("AGE-SECRET-KEY-", StringComparison.Ordinal));
        Intake.Tests.Interop.NodeRunner.RunChecked("age-tool.mjs", ["decrypt", "--identity", recovery, wrapPath, openedPath]);

        Assert.StartsWith("AGE-SECRET-KEY-PQ-1", await File.ReadAllTextAsync(openedPath), StringComparison.Ordinal);
    }

    private (string File, string RecoveryPath) WriteSetupFile(string suffix = "")
    {
        var recoveryPath = Path.Combine(_files.Path, $"recovery{suffix}.txt");
        var json = new
        {
            organisationName = "Exempelby kommun",
            contactText = new Dictionary<string, string> { ["sv"] = "Säkerhetsenheten", ["en"] = "The security unit" },
            administrator = new { username = "admin" },
            channels = new object[]
            {
                new { code = "whistleblowing", handlers = new[] { new { username = "wb-one" } } },
                new { code = "threat", handlers = new[] { new { username = "tv-one" } } },
            },
            recoveryIdentityPath = recoveryPath,
        };
        var path = Path.Combine(_files.Path, $"setup{suffix}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(json));
        return (path, recoveryPath);
    }
}
