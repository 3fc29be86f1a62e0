using System.Net;
using Intake.Crypto.Age;
using Intake.Tests.Infrastructure;
using Intake.Tests.Web.Cases;
using Intake.Tests.Web.Reporting;
using Intake.Web.Accounts;
using Intake.Web.Cases;
using Intake.Web.Keys;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Availability;

/// <summary>Requests that used to answer 500: each is now a clear 4xx with a localized message, or succeeds.</summary>
public sealed class RequestErrorTests : OrganisationTestBase
{
    [Theory]
    [InlineData("", StaffWorld.Passphrase)]
    [InlineData(StaffWorld.AdminName, "")]
    [InlineData("", "")]
    public async Task SignInWithoutUsernameOrPassphrase_IsA400WithAMessage(string username, string passphrase)
    {
        using var client = new StaffBrowserClient(App);

        using var response = await client.SubmitAsync("/en/Staff/SignIn", new() { ["Username"] = username, ["Passphrase"] = passphrase });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Type both your username and your passphrase.", (await Html.ParseAsync(response)).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FollowUpsSentAtOnce_AllArrive_WithTheirOwnPositions()
    {
        using var reporter = new ReporterClient(App);
        var (token, keys) = await MailboxApiTests.SubmitAsync(reporter, "race");
        using var _ = token;
        using var __ = keys;
        var api = await new MailboxApiClient(reporter).LoadDoorAsync();
        IReadOnlyCollection<IRecipient> recipients;
        await using (var scope = App.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            var record = await db.Cases.AsNoTracking().SingleAsync();
            recipients = [AgeKeys.ParseRecipient(await db.ChannelKeys.Where(k => k.ChannelId == record.ChannelId).Select(k => k.Recipient).FirstAsync()), keys.Recipient];
        }

        var sends = Enumerable.Range(0, 12).Select(i => api.MessageAsync(keys.AuthenticatorHex, AgeFile.Encrypt(Intake.Web.Reporting.ReportDocument.Message($"m{i}", []), recipients), [])).ToList();
        var responses = await Task.WhenAll(sends);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var response in responses)
        {
            response.Dispose();
        }

        await using var check = App.CreateScope();
        var positions = await check.ServiceProvider.GetRequiredService<IntakeDbContext>().CaseEntries.Select(e => e.Position).OrderBy(p => p).ToListAsync();
        Assert.Equal(Enumerable.Range(1, positions.Count), positions);
        Assert.Equal(14, positions.Count);
    }

    [Fact]
    public async Task RepliesAndNotesWrittenAtOnce_AllArrive_WithTheirOwnPositions_EachAuditedOnce()
    {
        var (caseId, _) = await RetentionScenario.SubmitWhistleblowingAsync(App, "race between handlers");
        int before;
        UnlockedKeyring keyring;
        await using (var scope = App.CreateScope())
        {
            before = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().CaseEntries.CountAsync(e => e.CaseId == caseId);
            keyring = await StaffWorld.UnlockAsync(scope, StaffWorld.WhistleblowingHandler);
        }

        using (keyring)
        {
            // Each write in a request of its own (its own scope and context), all started together.
            await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
            {
                await using var scope = App.CreateScope();
                if (i % 2 == 0)
                {
                    await HandlerWrites.ReplyAsync(scope, caseId, keyring, $"reply {i}");
                }
                else
                {
                    await HandlerWrites.NoteAsync(scope, caseId, keyring, $"note {i}");
                }
            })));
        }

        await using var check = App.CreateScope();
        var positions = await check.ServiceProvider.GetRequiredService<IntakeDbContext>().CaseEntries
            .Where(e => e.CaseId == caseId).Select(e => e.Position).OrderBy(p => p).ToListAsync();
        Assert.Equal(Enumerable.Range(1, before + 12), positions);
        var audit = await RetentionScenario.AuditOfAsync(App, caseId);
        Assert.Equal(6, audit.Count(e => e.Kind == Intake.Web.Audit.AuditKinds.CaseReplied));
        Assert.Equal(6, audit.Count(e => e.Kind == Intake.Web.Audit.AuditKinds.CaseNoted));
        await RetentionScenario.AssertAuditChainIntactAsync(App);
    }

    [Fact]
    public async Task APendingSignInRemovedBeforeItsCodeIsChecked_AsksToStartAgain()
    {
        using (var enrolled = new StaffBrowserClient(App))
        {
            await enrolled.SignInAsync(StaffWorld.WhistleblowingHandler);
        }

        await using var scope = App.CreateScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInService>();
        var step = await signIn.CheckPassphraseAsync(StaffWorld.WhistleblowingHandler, StaffWorld.Passphrase);
        var pending = scope.ServiceProvider.GetRequiredService<PendingSignIns>();

        // What another request leaves that used up the attempts, or the sweep after the time ran out.
        Assert.True(await pending.RemoveAsync(step.PendingId));
        var result = await signIn.CheckCodeAsync(step.PendingId, "123456");

        Assert.Equal(CodeStepOutcome.Expired, result.Outcome);
    }
}
