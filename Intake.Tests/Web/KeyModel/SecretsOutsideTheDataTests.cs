using System.Xml.Linq;
using Intake.Crypto.Mailbox;
using Intake.Tests.Infrastructure;
using Intake.Web.Mailbox;
using Intake.Web.Reporting;
using Intake.Web.Secrets;
using Intake.Web.Storage.Engines;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.KeyModel;

/// <summary>
/// Issue 12, item 7: the Data Protection key ring lay in the data directory unencrypted, and the receipt cookie,
/// which carries the mailbox token, was persistent. The key ring is now encrypted with a key held outside the data
/// directory, old unencrypted keys are warned about at start, and both reporter cookies end with the browser.
/// </summary>
public sealed class SecretsOutsideTheDataTests
{
    [Fact]
    public async Task TheKeyRing_IsEncryptedWithTheInstanceKey()
    {
        using var data = new TempDirectory("intake-keyring");
        IReadOnlyList<XDocument> keys;
        await using (var app = IntakeApplicationFactory.OverDataDirectory(data.Path))
        {
            using var world = await StaffWorld.CreateAsync(app);
            using var client = new StaffBrowserClient(app);
            await client.SignInAsync(StaffWorld.WhistleblowingHandler);
            keys = await StoredKeyRingAsync(app);
        }

        Assert.NotEmpty(keys);
        foreach (var xml in keys)
        {
            Assert.Empty(xml.Descendants("masterKey"));
            Assert.Single(xml.Descendants("instanceKeyEncrypted"));
        }
    }

    /// <summary>The key ring as stored: the files in <c>keys/</c> beside SQLite, the table's rows on PostgreSQL.</summary>
    private static async Task<IReadOnlyList<XDocument>> StoredKeyRingAsync(IntakeApplicationFactory app)
    {
        if (!TestDatabase.OnPostgres)
        {
            return [.. Directory.GetFiles(Path.Combine(app.DataDirectory, "keys"), "key-*.xml").Select(file => XDocument.Load(file))];
        }

        await using var scope = app.CreateScope();
        var rows = await scope.ServiceProvider.GetRequiredService<KeyRingDbContext>().DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync();
        return [.. rows.Select(xml => XDocument.Parse(xml!))];
    }

    [Fact]
    public async Task KeysWrittenBeforeProtection_AreWarnedAboutAtStart()
    {
        using var data = new TempDirectory("intake-oldring");
        var ring = Directory.CreateDirectory(Path.Combine(data.Path, "keys"));
        // What earlier versions wrote: a key ring with no encryption at rest.
        DataProtectionProvider.Create(ring, b => b.SetApplicationName(Intake.Web.Hosting.IntakeServices.ApplicationName))
            .CreateProtector("x").Protect("warm-up"u8.ToArray());

        await using var app = IntakeApplicationFactory.OverDataDirectory(data.Path);
        await using var scope = app.CreateScope();

        Assert.Contains(app.Logs.RenderAll(), line => line.Contains("WITHOUT encryption", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("inside")]
    [InlineData("short")]
    public async Task WithoutAUsableInstanceKeyOutsideTheData_IntakeDoesNotStart(string problem)
    {
        using var data = new TempDirectory("intake-nokey");
        using var elsewhere = new TempDirectory("intake-nokey-elsewhere");
        await using var app = IntakeApplicationFactory.OverDataDirectory(data.Path);
        app.InstanceKeyFile = problem switch
        {
            "missing" => string.Empty,
            "inside" => WriteKey(Path.Combine(data.Path, "instance.key"), 32),
            _ => WriteKey(Path.Combine(elsewhere.Path, "instance.key"), 16),
        };

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        var message = (failure as InstanceKeyException ?? failure.InnerException as InstanceKeyException ?? throw failure).Message;
        Assert.Contains(problem switch { "missing" => "Intake:InstanceKeyFile", "inside" => "inside the data directory", _ => "exactly 32 bytes" }, message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheReceiptAndMailboxCookies_EndWithTheBrowserSession()
    {
        using var app = new IntakeApplicationFactory();
        using var token = MailboxToken.Generate();
        var receipt = new DefaultHttpContext { RequestServices = app.Services };
        app.Services.GetRequiredService<ReceiptTicket>().Issue(receipt, new Receipt(token.ToString(), "VB-2026-0001", new DateOnly(2026, 12, 1), "whistleblowing", Intake.Web.Cases.SealingMode.Server, DateTimeOffset.UtcNow));
        var mailbox = new DefaultHttpContext { RequestServices = app.Services };
        app.Services.GetRequiredService<MailboxSession>().Open(mailbox, token);

        foreach (var cookie in new[] { receipt, mailbox }.Select(c => c.Response.Headers.SetCookie.ToString()))
        {
            Assert.NotEmpty(cookie);
            Assert.DoesNotContain("max-age", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("expires", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static string WriteKey(string path, int bytes)
    {
        File.WriteAllText(path, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(bytes)));
        return path;
    }
}
