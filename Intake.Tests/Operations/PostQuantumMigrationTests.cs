using System.Net;
using System.Text;
using Intake.Crypto.Age;
using Intake.Tests.Infrastructure;
using Intake.Web.Audit;
using Intake.Web.Keys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Operations;

/// <summary>
/// An installation from before post-quantum keys (the first release's data directory, every key X25519) moves to
/// hybrid keys layer by layer and nothing becomes unreadable: the handlers' personal keys at their next sign-in, a
/// channel's key by a member's action, the recovery key on the recovery page. From then on new reports, replies and
/// notes are sealed to hybrid recipients only; the old cases' reporters keep reading and writing with their old codes.
/// </summary>
public sealed class PostQuantumMigrationTests : IAsyncLifetime
{
    private ReleaseInstallation _installation = null!;

    private ReleaseDescription Release => _installation.Release;

    public async Task InitializeAsync() => _installation = await ReleaseInstallation.MigrateAsync();

    public Task DisposeAsync()
    {
        _installation.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AHandlersSignIn_MakesTheirPersonalKeyHybrid_AndEveryOldCaseStillOpens()
    {
        await using var app = _installation.Open();
        Assert.False(AgeKeys.IsPostQuantumRecipient(await RecipientOfAsync(app, "wb-handler")));

        using (var first = new StaffBrowserClient(app))
        {
            Assert.True(StaffBrowserClient.IsSignedIn(await first.SignInAsync("wb-handler", Release.Passphrase)));
            await AssertReadsOldCasesAsync(first, "whistleblowing");
        }

        Assert.True(AgeKeys.IsPostQuantumRecipient(await RecipientOfAsync(app, "wb-handler")));
        await using (var scope = app.CreateScope())
        {
            var db = IntakeApplicationFactory.CreateDbContext(scope);
            var user = await db.StaffUsers.SingleAsync(u => u.Username == "wb-handler");
            Assert.Contains(await db.AuditEntries.Where(e => e.SubjectId == user.Id).Select(e => e.Kind).ToListAsync(), k => k == AuditKinds.PersonalKeyUpgraded);
        }

        // The next sign-in opens the new key with the same passphrase and authenticator, and is not upgraded again.
        using var again = new StaffBrowserClient(app);
        Assert.True(StaffBrowserClient.IsSignedIn(await again.SignInAsync("wb-handler", Release.Passphrase)));
        await AssertReadsOldCasesAsync(again, "whistleblowing");
        await using var after = app.CreateScope();
        Assert.Equal(1, await IntakeApplicationFactory.CreateDbContext(after).AuditEntries.CountAsync(e => e.Kind == AuditKinds.PersonalKeyUpgraded));
    }

    [Fact]
    public async Task AMemberRotatesTheChannel_ThenNewContentIsSealedToHybridRecipientsOnly_AndOldReportersStillTalk()
    {
        await using var app = _installation.Open();
        using var handler = new StaffBrowserClient(app);
        Assert.True(StaffBrowserClient.IsSignedIn(await handler.SignInAsync("wb-handler", Release.Passphrase)));

        using var keysPage = await handler.Http.GetAsync(new Uri("/Staff/Keys", UriKind.Relative));
        var page = await Html.ParseAsync(keysPage);
        Assert.Equal("classic", page.QuerySelector("[data-kind]")!.GetAttribute("data-kind"));
        using var rotated = await handler.PostFormAsync(keysPage, page, [], "form[action*='handler=Rotate']");
        var after = await Html.ParseAsync(rotated);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        Assert.NotNull(after.QuerySelector("[id^=rotated-]"));
        Assert.Equal("post-quantum", after.QuerySelector("[data-kind]")!.GetAttribute("data-kind"));
        Assert.Null(after.QuerySelector("form[action*='handler=Rotate']"));

        // The session that rotated reads the old cases and a new report at once, without signing in again.
        await AssertReadsOldCasesAsync(handler, "whistleblowing");
        using var reporter = new ReporterClient(app);
        var (_, receipt) = await reporter.SubmitAsync("/report/whistleblowing", ReporterClient.MinimalWhistleblowing("REPORT-AFTER-ROTATION"));
        var token = ReporterClient.TokenOn(receipt);
        var (newCase, sealedReport) = await NewCaseAsync(app);
        Assert.True(AgeKeys.IsPostQuantumRecipient(newCase.MailboxRecipient));
        Assert.Equal(["mlkem768x25519", "mlkem768x25519"], AgeFile.InspectHeader(sealedReport).Stanzas.Select(s => s.Type));
        using (var opened = await handler.Http.GetAsync(new Uri($"/Staff/Cases/{newCase.Id}", UriKind.Relative)))
        {
            Assert.Contains("REPORT-AFTER-ROTATION", (await Html.ParseAsync(opened)).Body!.TextContent, StringComparison.Ordinal);
        }

        var (_, mailbox) = await reporter.OpenMailboxAsync(token);
        Assert.Contains("REPORT-AFTER-ROTATION", mailbox.Body!.TextContent, StringComparison.Ordinal);

        // An old case's reporter writes with the old code; the handler reads it and answers; the reporter reads the
        // answer. Their content goes to the channel's last X25519 version and the X25519 mailbox: a file never mixes.
        var old = Release.Cases.First(c => c.Channel == "whistleblowing");
        using var oldReporter = new ReporterClient(app);
        using (var followUp = await oldReporter.SendFollowUpAsync(old.Token, "FOLLOW-UP-AFTER-ROTATION"))
        {
            Assert.True(followUp.StatusCode == HttpStatusCode.OK, (await Html.ParseAsync(followUp)).QuerySelector("main")?.TextContent);
        }

        using (var casePage = await handler.Http.GetAsync(new Uri($"/Staff/Cases/{old.Id}", UriKind.Relative)))
        {
            var document = await Html.ParseAsync(casePage);
            Assert.Contains("FOLLOW-UP-AFTER-ROTATION", document.Body!.TextContent, StringComparison.Ordinal);
            using var replied = await handler.PostFormAsync(casePage, document, new() { ["ReplyText"] = "REPLY-AFTER-ROTATION", ["ReplyPurpose"] = "Message" }, "form[action*='handler=Reply']");
            Assert.True(replied.StatusCode == HttpStatusCode.OK, (await Html.ParseAsync(replied)).QuerySelector(".error-summary, .field-error:not(:empty)")?.TextContent);
        }

        var (_, oldMailbox) = await oldReporter.OpenMailboxAsync(old.Token);
        Assert.Contains("REPLY-AFTER-ROTATION", oldMailbox.Body!.TextContent, StringComparison.Ordinal);
        foreach (var text in old.MailboxTexts)
        {
            Assert.Contains(text, oldMailbox.Body!.TextContent, StringComparison.Ordinal);
        }

        await using var scope = app.CreateScope();
        var db = IntakeApplicationFactory.CreateDbContext(scope);
        var entries = await db.CaseEntries.AsNoTracking().Where(e => e.CaseId == old.Id).OrderBy(e => e.Position).ToListAsync();
        var reply = entries[^1];
        Assert.Equal(["X25519", "X25519"], AgeFile.InspectHeader(reply.Sealed!).Stanzas.Select(s => s.Type));
    }

    [Fact]
    public async Task AfterTheRotation_AnOldCasesMailboxScript_IsGivenTheX25519ChannelRecipient_AndItsFollowUpsMustMatchTheMailbox()
    {
        await using var app = _installation.Open();
        using (var handler = new StaffBrowserClient(app))
        {
            Assert.True(StaffBrowserClient.IsSignedIn(await handler.SignInAsync("wb-handler", Release.Passphrase)));
            using var keysPage = await handler.Http.GetAsync(new Uri("/Staff/Keys", UriKind.Relative));
            using var rotated = await handler.PostFormAsync(keysPage, await Html.ParseAsync(keysPage), [], "form[action*='handler=Rotate']");
            Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        }

        var old = Release.Cases.First(c => c.Channel == "whistleblowing");
        using var reporter = new ReporterClient(app);
        await reporter.OpenMailboxAsync(old.Token);
        Assert.Equal(Intake.Crypto.Mailbox.MailboxTokenParseStatus.Ok, Intake.Crypto.Mailbox.MailboxToken.TryParse(old.Token, out var token));
        using (token)
        using (var keys = token!.DeriveKeys())
        {
            var api = await new MailboxApiClient(reporter).LoadDoorAsync();
            using var thread = await api.ThreadAsync(keys.AuthenticatorHex);
            Assert.Equal(HttpStatusCode.OK, thread.StatusCode);
            using var json = System.Text.Json.JsonDocument.Parse(await thread.Content.ReadAsStringAsync());
            var channelRecipient = json.RootElement.GetProperty("channelRecipient").GetString()!;
            Assert.False(AgeKeys.IsPostQuantumRecipient(channelRecipient));

            // What the script seals: to that channel recipient and the mailbox recipient of its kind (mailbox-token.js).
            IReadOnlyCollection<IRecipient> classic = [AgeKeys.ParseRecipient(channelRecipient), keys.ClassicIdentity.Recipient];
            var message = AgeFile.Encrypt(Intake.Web.Reporting.ReportDocument.Message("SCRIPT-FOLLOW-UP", []), classic);
            using (var sent = await api.MessageAsync(keys.AuthenticatorHex, message, []))
            {
                Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
            }

            // Sealed to hybrid recipients, the case's X25519 mailbox could not open it: refused, nothing kept.
            await using var scope = app.CreateScope();
            var current = await scope.ServiceProvider.GetRequiredService<ChannelKeys>().CurrentRecipientAsync(
                (await IntakeApplicationFactory.CreateDbContext(scope).Cases.SingleAsync(c => c.Id == old.Id)).ChannelId);
            var hybrid = AgeFile.Encrypt(Intake.Web.Reporting.ReportDocument.Message("HYBRID-FOLLOW-UP", []), [AgeKeys.ParseRecipient(current), keys.Recipient]);
            using (var refused = await api.MessageAsync(keys.AuthenticatorHex, hybrid, []))
            {
                Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            }
        }

        var (_, mailbox) = await reporter.OpenMailboxAsync(old.Token);
        Assert.Contains("SCRIPT-FOLLOW-UP", mailbox.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("HYBRID-FOLLOW-UP", mailbox.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRecoveryKeyIsReplacedOnTheRecoveryPage_ThenEveryChannelIsHybrid_AndTheNewKeyOpensEveryVersion()
    {
        await using var app = _installation.Open();
        using var handler = new StaffBrowserClient(app);
        Assert.True(StaffBrowserClient.IsSignedIn(await handler.SignInAsync("tv-handler", Release.Passphrase)));

        using var wrong = await handler.SubmitAsync("/Staff/Recovery", new() { ["CurrentRecoveryKey"] = "AGE-SECRET-KEY-1NOTAKEY" }, "form[action*='handler=Replace']");
        Assert.NotNull((await Html.ParseAsync(wrong)).QuerySelector("#replace-recovery .field-error:not(:empty)"));

        using var replaced = await handler.SubmitAsync("/Staff/Recovery", new() { ["CurrentRecoveryKey"] = Release.Recovery.ToLowerInvariant() }, "form[action*='handler=Replace']");
        var page = await Html.ParseAsync(replaced);
        Assert.True(replaced.Headers.CacheControl?.NoStore);
        var secret = page.QuerySelector("#new-recovery-key code.secret")!.TextContent.Trim();
        Assert.StartsWith("AGE-SECRET-KEY-PQ-1", secret, StringComparison.Ordinal);

        await using var scope = app.CreateScope();
        var db = IntakeApplicationFactory.CreateDbContext(scope);
        using var recovery = AgeKeys.ParseIdentity(secret);
        Assert.Equal(AgeKeys.Encode(recovery.PublicRecipient), await db.Organisation.Select(o => o.RecoveryRecipient).SingleAsync());
        foreach (var channel in await db.Channels.ToListAsync())
        {
            var current = await db.ChannelKeys.SingleAsync(k => k.ChannelId == channel.Id && k.Version == channel.CurrentKeyVersion);
            Assert.True(AgeKeys.IsPostQuantumRecipient(current.Recipient), channel.Code);
        }

        // Every version of every channel, the X25519 ones too, opens with the new recovery key alone.
        var recoveryWraps = await db.ChannelKeyWraps.Where(w => w.UserId == null).ToListAsync();
        Assert.Equal(await db.ChannelKeys.CountAsync(), recoveryWraps.Count);
        foreach (var wrap in recoveryWraps)
        {
            using var opened = KeyWrapping.Unwrap(wrap.WrappedIdentity, recovery);
        }

        // The old recovery key opens nothing any more, and the page no longer offers the replacement.
        using var oldRecovery = AgeKeys.ParseIdentity(Release.Recovery);
        Assert.Throws<AgeNoIdentityMatchException>(() => KeyWrapping.Unwrap(recoveryWraps[0].WrappedIdentity, oldRecovery));
        using var again = await handler.Http.GetAsync(new Uri("/Staff/Recovery", UriKind.Relative));
        Assert.Null((await Html.ParseAsync(again)).QuerySelector("#replace-recovery"));
        Assert.Contains(await db.AuditEntries.Select(e => e.Kind).ToListAsync(), k => k == AuditKinds.RecoveryReplaced);
        await AssertReadsOldCasesAsync(handler, "threat");
    }

    private async Task AssertReadsOldCasesAsync(StaffBrowserClient handler, string channel)
    {
        foreach (var item in Release.Cases.Where(c => c.Channel == channel))
        {
            using var response = await handler.Http.GetAsync(new Uri($"/Staff/Cases/{item.Id}", UriKind.Relative));
            var text = (await Html.ParseAsync(response)).Body!.TextContent;
            foreach (var expected in item.Texts)
            {
                Assert.Contains(expected, text, StringComparison.Ordinal);
            }
        }
    }

    private static async Task<string> RecipientOfAsync(IntakeApplicationFactory app, string username)
    {
        await using var scope = app.CreateScope();
        return await IntakeApplicationFactory.CreateDbContext(scope).StaffUsers.Where(u => u.Username == username).Select(u => u.Recipient).SingleAsync();
    }

    /// <summary>The one case that is not the release's, and its sealed report.</summary>
    private async Task<(Intake.Web.Cases.CaseRecord Record, byte[] Report)> NewCaseAsync(IntakeApplicationFactory app)
    {
        await using var scope = app.CreateScope();
        var db = IntakeApplicationFactory.CreateDbContext(scope);
        var releaseCases = Release.Cases.Select(c => c.Id).ToList();
        var record = await db.Cases.AsNoTracking().SingleAsync(c => !releaseCases.Contains(c.Id));
        var report = await db.CaseEntries.AsNoTracking().Where(e => e.CaseId == record.Id).OrderBy(e => e.Position).Select(e => e.Sealed).FirstAsync();
        return (record, report!);
    }
}
