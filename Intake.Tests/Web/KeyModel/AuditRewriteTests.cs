using Intake.Tests.Infrastructure;
using Intake.Web.Audit;
using Intake.Web.Commands;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.KeyModel;

/// <summary>
/// Issue 12, item 4: whoever can write the database removes entries and recomputes the SHA-256 chain, or cuts its
/// tail. The MAC under the instance key (held outside the data directory) and the head anchored elsewhere catch both.
/// </summary>
public sealed class AuditRewriteTests : OrganisationTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var client = new StaffBrowserClient(App);
        await client.SignInAsync(StaffWorld.WhistleblowingHandler);
        await client.SignInAsync(StaffWorld.ThreatHandler);
        await client.SignInAsync(StaffWorld.AdminName);
    }

    [Fact]
    public async Task RemovingEntriesAndRecomputingTheHashes_IsDetected()
    {
        await using var scope = App.CreateScope();
        var before = await CountAsync(scope);

        await AttackerRemovesAndRecomputesAsync(scope, sequence: 3, stripMacs: false);

        var result = await Audit(scope).VerifyAsync();
        Assert.False(result.IsIntact);
        Assert.Equal(3, result.BrokenAt);
        Assert.Equal(before - 1, await CountAsync(scope));
    }

    [Fact]
    public async Task RecomputingTheHashesAndDroppingTheMacs_IsDetected()
    {
        await using var scope = App.CreateScope();

        await AttackerRemovesAndRecomputesAsync(scope, sequence: 2, stripMacs: true);

        var result = await Audit(scope).VerifyAsync();
        Assert.False(result.IsIntact);
        Assert.Equal(1, result.BrokenAt);
        Assert.Contains("not authenticated", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARewrittenBeginningWithItsMacsStripped_CannotBeSealedAsLegacy()
    {
        await using var scope = App.CreateScope();
        await AttackerRemovesAndRecomputesAsync(scope, sequence: 2, stripMacs: false);
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        await db.Database.ExecuteSqlAsync($"""UPDATE "AuditEntries" SET "Mac" = NULL WHERE "Sequence" < 4""");

        var answer = await Audit(scope).SealLegacyAsync();

        Assert.StartsWith("Refused: entry 4 ", answer, StringComparison.Ordinal);
        Assert.Equal(1, (await Audit(scope).VerifyAsync()).BrokenAt);
    }

    [Fact]
    public async Task AMacStrippedAfterAnAuthenticatedEntry_CannotBeSealedAsLegacy()
    {
        await using var scope = App.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        await db.Database.ExecuteSqlAsync($"""UPDATE "AuditEntries" SET "Mac" = NULL WHERE "Sequence" = 3""");

        var answer = await Audit(scope).SealLegacyAsync();

        Assert.StartsWith("Refused: entry 3 ", answer, StringComparison.Ordinal);
        Assert.Equal(3, (await Audit(scope).VerifyAsync()).BrokenAt);
    }

    [Fact]
    public async Task CuttingTheTail_IsDetectedAgainstTheAnchoredHead()
    {
        await using var scope = App.CreateScope();
        var head = (await Audit(scope).HeadAsync())!;
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        await db.Database.ExecuteSqlAsync($"""DELETE FROM "AuditEntries" WHERE "Sequence" > {head.Count - 2}""");

        // Without the anchor a shorter chain is a valid chain: that is why the head is kept elsewhere.
        Assert.True((await Audit(scope).VerifyAsync()).IsIntact);
        using var output = new StringWriter();
        Assert.Equal(1, await IntakeCommands.VerifyAuditAsync(scope.ServiceProvider, output, head.ToString()));
        Assert.Contains("entries were removed", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnchoredHead_StaysValidWhileTheChainGrows()
    {
        await using (var scope = App.CreateScope())
        {
            var head = (await Audit(scope).HeadAsync())!;
            using (var client = new StaffBrowserClient(App))
            {
                await client.SignInAsync(StaffWorld.WhistleblowingHandler);
            }

            using var output = new StringWriter();
            Assert.Equal(0, await IntakeCommands.VerifyAuditAsync(scope.ServiceProvider, output, head.ToString()));
            Assert.Contains($"The anchored head {head} is in the chain", output.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AHeadFromAnotherChain_IsRefused()
    {
        await using var scope = App.CreateScope();
        var head = (await Audit(scope).HeadAsync())!;
        var forged = new AuditHead(new byte[32], head.Count);

        using var output = new StringWriter();
        Assert.Equal(1, await IntakeCommands.VerifyAuditAsync(scope.ServiceProvider, output, forged.ToString()));
        Assert.Contains("differs from the anchored head", output.ToString(), StringComparison.Ordinal);
        using var malformed = new StringWriter();
        Assert.Equal(2, await IntakeCommands.VerifyAuditAsync(scope.ServiceProvider, malformed, "not-a-head"));
    }

    [Fact]
    public async Task TheAuditCommand_TakesTheAnchoredHeadFromTheCommandLine()
    {
        string head;
        await using (var scope = App.CreateScope())
        {
            head = (await Audit(scope).HeadAsync())!.ToString();
        }

        var (intact, output) = await IntakeProcess.RunCommandAsync(App.DataDirectory, "audit", "verify", "--expect-head", head);
        Assert.True(intact == 0, output);

        await using (var attacker = App.CreateScope())
        {
            await IntakeApplicationFactory.CreateDbContext(attacker).Database.ExecuteSqlAsync(
                $"""DELETE FROM "AuditEntries" WHERE "Sequence" = (SELECT MAX("Sequence") FROM "AuditEntries")""");
        }

        var (cut, afterCut) = await IntakeProcess.RunCommandAsync(App.DataDirectory, "audit", "verify", "--expect-head", head);
        Assert.True(cut == 1, afterCut);
        Assert.Contains("BROKEN", afterCut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSameDatabase_UnderAnotherInstanceKey_DoesNotVerify()
    {
        await using var scope = App.CreateScope();
        using var otherKey = Intake.Web.Secrets.InstanceKey.FromBytes(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var entries = scope.ServiceProvider.GetRequiredService<IntakeDbContext>().AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable();

        var result = await new AuditChain(otherKey).VerifyAsync(entries, null, CancellationToken.None);

        Assert.False(result.IsIntact);
        Assert.Equal(1, result.BrokenAt);
    }

    private static AuditLog Audit(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<AuditLog>();

    private static Task<int> CountAsync(AsyncServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<IntakeDbContext>().AuditEntries.CountAsync();

    /// <summary>
    /// What someone with write access to the database can do: delete an entry, renumber the ones after it and
    /// recompute every SHA-256 link, so that the unkeyed chain would verify again.
    /// </summary>
    private static async Task AttackerRemovesAndRecomputesAsync(AsyncServiceScope scope, long sequence, bool stripMacs)
    {
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        await db.Database.ExecuteSqlAsync($"""DELETE FROM "AuditEntries" WHERE "Sequence" = {sequence}""");
        var later = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence > sequence).OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync();
        foreach (var old in later)
        {
            await db.Database.ExecuteSqlAsync($"""UPDATE "AuditEntries" SET "Sequence" = {old - 1} WHERE "Sequence" = {old}""");
        }

        var previous = AuditHash.Genesis;
        foreach (var entry in await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync())
        {
            var hash = AuditHash.Compute(entry, previous);
            if (stripMacs)
            {
                await db.Database.ExecuteSqlAsync($"""UPDATE "AuditEntries" SET "PreviousHash" = {previous}, "Hash" = {hash}, "Mac" = NULL WHERE "Sequence" = {entry.Sequence}""");
            }
            else
            {
                await db.Database.ExecuteSqlAsync($"""UPDATE "AuditEntries" SET "PreviousHash" = {previous}, "Hash" = {hash} WHERE "Sequence" = {entry.Sequence}""");
            }

            previous = hash;
        }
    }
}
