using Intake.Tests.Infrastructure;
using Intake.Web.Audit;
using Intake.Web.Cases;
using Intake.Web.Hosting;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Cases;

/// <summary>Gallring: two years after closing the content goes, a stub stays, and SQLite really forgets.</summary>
public sealed class CaseDisposalTests : OrganisationTestBase
{
    [Fact]
    public async Task ClosedCase_TwoYearsLater_ContentGone_StubLeft_Audited_MailboxForgets()
    {
        var (caseId, token) = await RetentionScenario.SubmitWhistleblowingAsync(App, "the mayor's brother won the tender");
        await RetentionScenario.ReplyAndNoteAsync(App, caseId, StaffWorld.WhistleblowingHandler, "thank you", "check the minutes");
        var (sealedSlices, attachmentPaths) = await SealedContentOfAsync(caseId);
        Assert.NotEmpty(attachmentPaths);
        Assert.All(attachmentPaths, p => Assert.True(File.Exists(p)));
        foreach (var slice in sealedSlices)
        {
            Assert.True(await DatabaseFilesContainAsync(slice), "the sealed bytes should be in the database before disposal");
        }

        await RetentionScenario.CloseAsync(App, caseId);
        var closed = await RetentionScenario.CaseAsync(App, caseId);

        Assert.Equal(0, await RetentionScenario.RunDisposalJobAsync(App));
        RetentionScenario.PassRetentionPeriod(App);
        var disposedCount = await RetentionScenario.RunDisposalJobAsync(App);

        Assert.Equal(1, disposedCount);
        await using (var scope = App.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            var stub = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == caseId);
            Assert.Equal(scope.ServiceProvider.GetRequiredService<CaseCalendar>().Today, stub.DisposedOn);
            Assert.Equal(closed.CaseNumber, stub.CaseNumber);
            Assert.Equal(closed.ChannelId, stub.ChannelId);
            Assert.Equal("bribery", stub.Category);
            Assert.Equal(CaseStatus.Closed, stub.Status);
            Assert.Equal(CaseOutcomes.MeasuresTaken, stub.Outcome);
            Assert.Equal(closed.ReceivedOn, stub.ReceivedOn);
            Assert.Equal(closed.ClosedOn, stub.ClosedOn);
            Assert.Null(stub.SealedTriage);
            Assert.Null(stub.AssigneeId);
            Assert.Equal(string.Empty, stub.MailboxRecipient);
            Assert.Equal(CaseDisposal.LookupIdLength, stub.MailboxLookupId.Length);
            Assert.NotEqual(closed.MailboxLookupId, stub.MailboxLookupId);
            Assert.False(await db.CaseEntries.AnyAsync(e => e.CaseId == caseId));
            Assert.False(await db.CaseAttachments.AnyAsync());
        }

        Assert.All(attachmentPaths, p => Assert.False(File.Exists(p)));
        foreach (var slice in sealedSlices)
        {
            Assert.False(await DatabaseFilesContainAsync(slice), "sealed bytes are still in the database's files");
        }

        var disposed = Assert.Single(await RetentionScenario.AuditOfAsync(App, caseId), e => e.Kind == AuditKinds.CaseDisposed);
        Assert.Null(disposed.ActorId);
        Assert.Equal(closed.ChannelId, disposed.ChannelId);
        await RetentionScenario.AssertAuditChainIntactAsync(App);
        Assert.Equal(0, await RetentionScenario.RunDisposalJobAsync(App));
        await AssertMailboxAnswersLikeUnknownAsync(token);
    }

    [Fact]
    public async Task Drafts_OfADisposedCase_AreDeleted_AndOtherCasesDraftsStay()
    {
        var (caseId, _) = await RetentionScenario.SubmitWhistleblowingAsync(App, "a draft outlives nothing");
        var (otherId, _) = await RetentionScenario.SubmitWhistleblowingAsync(App, "still open");
        await using (var scope = App.CreateScope())
        {
            using var handler = await StaffWorld.UnlockAsync(scope, StaffWorld.WhistleblowingHandler);
            await HandlerWrites.DraftAsync(scope, caseId, handler, Intake.Web.Cases.Drafts.DraftKind.Reply, "an unsent reply");
            await HandlerWrites.DraftAsync(scope, caseId, handler, Intake.Web.Cases.Drafts.DraftKind.Note, "an unsent note");
            await HandlerWrites.DraftAsync(scope, otherId, handler, Intake.Web.Cases.Drafts.DraftKind.Reply, "another case's reply");
        }

        await RetentionScenario.CloseAsync(App, caseId);
        var drafts = App.Services.GetRequiredService<DataDirectory>().Drafts;
        Assert.Equal(2, Directory.EnumerateFiles(drafts, $"*-{caseId:N}-*").Count());

        RetentionScenario.PassRetentionPeriod(App);
        Assert.Equal(1, await RetentionScenario.RunDisposalJobAsync(App));

        Assert.Empty(Directory.EnumerateFiles(drafts, $"*-{caseId:N}-*"));
        Assert.Single(Directory.EnumerateFiles(drafts, $"*-{otherId:N}-*"));
    }

    [Fact]
    public async Task LegalHold_PreventsDisposal_UntilLifted()
    {
        var (caseId, _) = await RetentionScenario.SubmitWhistleblowingAsync(App, "kept for court");
        await RetentionScenario.CloseAsync(App, caseId);
        using (var handler = new StaffBrowserClient(App))
        {
            await handler.SignInAsync(StaffWorld.WhistleblowingHandler);
            using var placed = await RetentionScenario.PostAsync(handler, $"/Staff/Cases/{caseId}/Retention", "#place-hold",
                new() { ["Reason"] = LegalHoldReasons.Proceedings });
            Assert.True((await RetentionScenario.CaseAsync(App, caseId)).LegalHold);
        }

        RetentionScenario.PassRetentionPeriod(App);

        Assert.Equal(0, await RetentionScenario.RunDisposalJobAsync(App));
        var held = await RetentionScenario.CaseAsync(App, caseId);
        Assert.Null(held.DisposedOn);
        await using (var scope = App.CreateScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().CaseEntries.AnyAsync(e => e.CaseId == caseId && e.Sealed != null));
        }

        using (var handler = new StaffBrowserClient(App))
        {
            await handler.SignInAsync(StaffWorld.WhistleblowingHandler);
            using var lifted = await RetentionScenario.PostAsync(handler, $"/Staff/Cases/{caseId}/Retention", "#lift-hold");
        }

        Assert.Equal(1, await RetentionScenario.RunDisposalJobAsync(App));
        Assert.NotNull((await RetentionScenario.CaseAsync(App, caseId)).DisposedOn);
        var holds = (await RetentionScenario.AuditOfAsync(App, caseId)).Where(e => e.Kind == AuditKinds.CaseLegalHold).Select(e => e.Detail).ToList();
        Assert.Equal(["placed:" + LegalHoldReasons.Proceedings, "lifted:" + LegalHoldReasons.Ended], holds);
        await RetentionScenario.AssertAuditChainIntactAsync(App);
    }

    [Fact]
    public async Task DisposedCase_RetentionPageShowsTheStub_AndTakesNoMoreDecisions()
    {
        var (caseId, _) = await RetentionScenario.SubmitWhistleblowingAsync(App, "short lived");
        await RetentionScenario.CloseAsync(App, caseId);
        RetentionScenario.PassRetentionPeriod(App);
        await RetentionScenario.RunDisposalJobAsync(App);
        using var handler = new StaffBrowserClient(App);
        await handler.SignInAsync(StaffWorld.WhistleblowingHandler);

        using var page = await handler.Http.GetAsync(new Uri($"/Staff/Cases/{caseId}/Retention", UriKind.Relative));
        var document = await Html.ParseAsync(page);
        using var registry = await RetentionScenario.PostWithOwnTokenAsync(handler, $"/Staff/Cases/{caseId}/Retention?handler=Registry");

        Assert.NotNull(document.QuerySelector("#retention-disposed-on"));
        Assert.Null(document.QuerySelector("#place-hold"));
        Assert.Null((await RetentionScenario.CaseAsync(App, caseId)).RegistryExportedOn);
    }

    private async Task AssertMailboxAnswersLikeUnknownAsync(string token)
    {
        using var reporter = new ReporterClient(App);
        using var unknownToken = Intake.Crypto.Mailbox.MailboxToken.Generate();
        var (disposedResponse, disposedPage) = await reporter.OpenMailboxAsync(token);
        var (_, unknownPage) = await reporter.OpenMailboxAsync(unknownToken.ToString());

        Assert.Equal("/mailbox", disposedResponse.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(unknownPage.QuerySelector("#mailbox-error")!.TextContent, disposedPage.QuerySelector("#mailbox-error")!.TextContent);
    }

    /// <summary>Slices from the middle of every sealed entry and the paths of the attachment files.</summary>
    private async Task<(List<byte[]> Slices, List<string> Paths)> SealedContentOfAsync(Guid caseId)
    {
        await using var scope = App.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var sealedEntries = await db.CaseEntries.AsNoTracking().Where(e => e.CaseId == caseId && e.Sealed != null).Select(e => e.Sealed!).ToListAsync();
        var folder = scope.ServiceProvider.GetRequiredService<DataDirectory>().Attachments;
        var paths = await db.CaseAttachments.AsNoTracking().Select(a => Path.Combine(folder, a.FileName)).ToListAsync();
        Assert.True(sealedEntries.Count >= 3);
        return (sealedEntries.Select(s => s[(s.Length / 2)..((s.Length / 2) + 48)]).ToList(), paths);
    }

    private async Task<bool> DatabaseFilesContainAsync(byte[] slice)
    {
        foreach (var path in await TestDatabase.TableFilesAsync(App))
        {
            if (!File.Exists(path))
            {
                continue;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            if (copy.ToArray().AsSpan().IndexOf(slice) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
