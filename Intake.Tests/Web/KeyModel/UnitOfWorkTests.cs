using Intake.Tests.Infrastructure;
using Intake.Tests.Web.Cases;
using Intake.Web.Audit;
using Intake.Web.Cases;
using Intake.Web.Keys;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.KeyModel;

/// <summary>
/// Issue 12, item 4: saving is explicit, one unit of work per action with its audit entry inside it. A reply used
/// to commit twice (the message, then the audit entry that also saved whatever else was pending).
/// </summary>
public sealed class UnitOfWorkTests : CaseTestBase
{
    [Fact]
    public async Task AReply_CommitsOnce_WithItsAuditEntry()
    {
        var (caseId, _) = await SubmitWhistleblowingAsync("report");
        await using var scope = App.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        using var keyring = await StaffWorld.UnlockAsync(scope, StaffWorld.WhistleblowingHandler);
        var record = await db.Cases.SingleAsync(c => c.Id == caseId);
        var saves = new List<int>();
        db.SavedChanges += (_, e) => saves.Add(e.EntitiesSavedCount);

        await scope.ServiceProvider.GetRequiredService<CaseReplies>().ReplyAsync(record, keyring, "answer", ReplyPurpose.Acknowledgement);

        // The entry, the case's acknowledgement date and status, and the audit entry: one save.
        Assert.Single(saves);
        Assert.True(saves[0] >= 3, $"saved {saves[0]} entities");
        Assert.Contains(await AuditOfAsync(caseId), e => e.Kind == AuditKinds.CaseReplied);
        await AssertChainIntactAsync();
    }

    [Fact]
    public async Task ARegistration_CommitsTheCaseAndItsAuditEntryOnce()
    {
        await using var scope = App.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var channel = await StaffWorld.ChannelAsync(scope, ChannelCodes.Whistleblowing);
        var handler = await StaffWorld.UserAsync(scope, StaffWorld.WhistleblowingHandler);
        var saves = 0;
        db.SavedChanges += (_, _) => saves++;
        var answers = new Intake.Web.Reporting.Forms.FormAnswers();
        foreach (var (name, values) in ReporterClient.MinimalWhistleblowing("by phone"))
        {
            foreach (var value in values)
            {
                answers.Add(name, value);
            }
        }

        var outcome = await scope.ServiceProvider.GetRequiredService<CaseRegistration>()
            .RegisterAsync(channel.Id, handler.Id, CaseOrigin.Phone, answers, "sv");

        Assert.NotNull(outcome.Record);
        Assert.Equal(1, saves);
        Assert.Contains(await AuditOfAsync(outcome.Record!.Id), e => e.Kind == AuditKinds.CaseRegistered);
    }

    [Fact]
    public async Task AnAppendedEvent_CommitsTogetherWithTheChangeItDescribes()
    {
        var (caseId, _) = await SubmitWhistleblowingAsync("report");
        await using var scope = App.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var record = await db.Cases.SingleAsync(c => c.Id == caseId);
        record.Status = CaseStatus.Closed;

        await scope.ServiceProvider.GetRequiredService<AuditLog>().AppendAsync(AuditKinds.CaseStatusChanged, subjectId: caseId);

        Assert.Equal(CaseStatus.Closed, (await RecordAsync(caseId)).Status);
        Assert.Contains(await AuditOfAsync(caseId), e => e.Kind == AuditKinds.CaseStatusChanged);
    }

    [Fact]
    public async Task AnAuditEntry_CannotBeSavedOutsideTheChain()
    {
        await using var scope = App.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        db.AuditEntries.Add(new AuditEntry { Sequence = 999, Kind = AuditKinds.CaseViewed, PreviousHash = new byte[32], Hash = new byte[32] });

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }
}
