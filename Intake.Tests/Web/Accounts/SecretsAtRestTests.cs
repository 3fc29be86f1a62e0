using System.Text;
using Intake.Tests.Infrastructure;
using Intake.Web.Accounts;
using Intake.Web.Keys;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Accounts;

/// <summary>
/// After set-up and sign-ins, no passphrase, TOTP secret or private key appears in clear anywhere in the data
/// directory: the database file, its WAL, the key ring and the logs.
/// </summary>
public sealed class SecretsAtRestTests
{
    [Fact]
    public async Task DataDirectory_HoldsNoSecretInClear()
    {
        using var data = new TempDirectory("intake-secrets");
        var secrets = new List<string> { StaffWorld.Passphrase };
        var app = IntakeApplicationFactory.OverDataDirectory(data.Path);
        try
        {
            using var world = await StaffWorld.CreateAsync(app);
            secrets.Add(world.Recovery.ExportSecretKey());
            foreach (var user in new[] { StaffWorld.AdminName, StaffWorld.WhistleblowingHandler, StaffWorld.ThreatHandler })
            {
                using var client = new StaffBrowserClient(app);
                await client.SignInAsync(user);
                var totp = StaffBrowserClient.SecretOf(app, user);
                secrets.Add(TotpCodes.ToBase32(totp));
                secrets.Add(Convert.ToHexString(totp));
                secrets.Add(Encoding.Latin1.GetString(totp));
            }

            await using var scope = app.CreateScope();
            foreach (var user in new[] { StaffWorld.AdminName, StaffWorld.WhistleblowingHandler, StaffWorld.ThreatHandler })
            {
                using var keyring = await StaffWorld.UnlockAsync(scope, user);
                secrets.Add(keyring.Personal.ExportSecretKey());
                secrets.AddRange(keyring.ChannelKeys.Select(k => k.Identity.ExportSecretKey()));
            }
        }
        finally
        {
            await app.DisposeAsync();
            SqliteConnection.ClearAllPools();
        }

        Assert.True(secrets.Count >= 14);
        var files = Directory.GetFiles(data.Path, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.EndsWith(".db", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var content = Encoding.Latin1.GetString(await File.ReadAllBytesAsync(file));
            foreach (var secret in secrets)
            {
                Assert.False(content.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{Path.GetFileName(file)} holds a secret in clear");
            }
        }
    }
}
