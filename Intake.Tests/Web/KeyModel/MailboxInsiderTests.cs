using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Intake.Crypto.Age;
using Intake.Crypto.Mailbox;
using Intake.Tests.Infrastructure;
using Intake.Tests.Web.Reporting;
using Intake.Web.Cases;
using Intake.Web.Mailbox;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.KeyModel;

/// <summary>
/// Issue 12, item 3: the value the database keeps for a mailbox used to be a bearer credential. With it alone a
/// follow-up appeared as the reporter's, a meeting was requested and every reporter-readable file downloaded. Now
/// the database keeps the hash of an authenticator derived from the token, and every request presents the
/// authenticator; cases from before move to it only with proof that the mailbox key is held.
/// </summary>
public sealed class MailboxInsiderTests : OrganisationTestBase
{
    [Fact]
    public async Task TheStoredValue_ReadsWritesAndDownloadsNothing()
    {
        using var reporter = new ReporterClient(App);
        var (token, keys) = await MailboxApiTests.SubmitAsync(reporter, "report", ("evidence.txt", "secret evidence"u8.ToArray()));
        using var _ = token;
        using var __ = keys;
        var (caseId, stored, attachmentId) = await StoredAsync();
        var insider = await new MailboxApiClient(new ReporterClient(App)).LoadDoorAsync();
        var forged = Convert.ToHexStringLower(stored);
        var asLookup = new Dictionary<string, string> { [MailboxApi.LookupHeader] = forged };
        var recipients = await RecipientsAsync(caseId, keys);

        using var thread = await insider.ThreadAsync(forged);
        using var threadByLookup = await insider.PostAsync("/mailbox/api/thread", forged, headers: asLookup);
        using var download = await insider.AttachmentAsync(forged, attachmentId);
        using var message = await insider.MessageAsync(forged, AgeFile.Encrypt("{\"message\":\"forged\"}"u8, recipients), []);
        using var meeting = await insider.MeetingAsync(forged);

        Assert.All([thread, threadByLookup, download, message, meeting], r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        await using var scope = App.CreateScope();
        var record = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.AsNoTracking().SingleAsync(c => c.Id == caseId);
        Assert.False(record.MeetingRequested);
        Assert.Equal(0, record.UnreadReporterMessages);
        Assert.False(await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().CaseEntries.AnyAsync(e => e.Kind == EntryKind.ReporterMessage));

        // The reporter, holding the token, still gets in.
        using var own = await (await new MailboxApiClient(reporter).LoadDoorAsync()).ThreadAsync(keys.AuthenticatorHex);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task TheDatabase_KeepsOnlyTheHashOfTheAuthenticator()
    {
        using var reporter = new ReporterClient(App);
        var (token, keys) = await MailboxApiTests.SubmitAsync(reporter, "report");
        using var _ = token;
        using var __ = keys;

        var (_, stored, _) = await StoredAsync();

        Assert.Equal(SHA256.HashData(keys.Authenticator), stored);
        Assert.NotEqual(keys.Authenticator, stored);
        Assert.NotEqual(keys.LookupId, stored);
    }

    [Fact]
    public async Task ALegacyCase_MovesToItsVerifierOnTheNextVisitWithoutJavaScript()
    {
        using var reporter = new ReporterClient(App);
        var (token, keys) = await MailboxApiTests.SubmitAsync(reporter, "legacy report");
        using var _ = token;
        using var __ = keys;
        var caseId = await MakeLegacyAsync(keys);

        var (_, page) = await reporter.OpenMailboxAsync(token.ToString());

        Assert.NotNull(page.QuerySelector(".thread"));
        var record = await RecordAsync(caseId);
        Assert.False(record.MailboxLegacy);
        Assert.Equal(keys.Verifier, record.MailboxLookupId);
        var api = await new MailboxApiClient(new ReporterClient(App)).LoadDoorAsync();
        using var byOldLookup = await api.PostAsync("/mailbox/api/thread", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            headers: new Dictionary<string, string> { [MailboxApi.LookupHeader] = keys.LookupIdHex });
        Assert.Equal(HttpStatusCode.NotFound, byOldLookup.StatusCode);
    }

    [Fact]
    public async Task AStolenLegacyLookupId_CannotClaimTheMailbox_ButTheReportersKeyCan()
    {
        using var reporter = new ReporterClient(App);
        var (token, keys) = await MailboxApiTests.SubmitAsync(reporter, "legacy report");
        using var _ = token;
        using var __ = keys;
        var caseId = await MakeLegacyAsync(keys);
        var insider = await new MailboxApiClient(new ReporterClient(App)).LoadDoorAsync();
        var insiderAuthenticator = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var stolen = new Dictionary<string, string> { [MailboxApi.LookupHeader] = keys.LookupIdHex };

        using var challenged = await insider.PostAsync("/mailbox/api/thread", insiderAuthenticator, headers: stolen);
        var state = State(await challenged.Content.ReadAsStringAsync());
        using var guessed = await insider.PostAsync("/mailbox/api/thread", insiderAuthenticator, headers: new Dictionary<string, string>(stolen)
        {
            [MailboxChallenge.StateHeader] = state,
            [MailboxChallenge.ProofHeader] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
        });
        Assert.Null(CaseNumberIn(await guessed.Content.ReadAsStringAsync()));
        Assert.True((await RecordAsync(caseId)).MailboxLegacy);
        using var elsewhere = await insider.MessageAsync(insiderAuthenticator, [1, 2, 3], []);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);

        // The reporter's script opens the challenge with the mailbox identity and is let in; the case moves.
        var api = await new MailboxApiClient(reporter).LoadDoorAsync();
        var lookup = new Dictionary<string, string> { [MailboxApi.LookupHeader] = keys.LookupIdHex };
        using var challenge = await api.PostAsync("/mailbox/api/thread", keys.AuthenticatorHex, headers: lookup);
        var body = await challenge.Content.ReadAsStringAsync();
        var proof = Convert.ToHexStringLower(AgeFile.Decrypt(Convert.FromBase64String(Challenge(body)), [keys.Identity]));
        using var proven = await api.PostAsync("/mailbox/api/thread", keys.AuthenticatorHex, headers: new Dictionary<string, string>(lookup)
        {
            [MailboxChallenge.StateHeader] = State(body),
            [MailboxChallenge.ProofHeader] = proof,
        });

        Assert.NotNull(CaseNumberIn(await proven.Content.ReadAsStringAsync()));
        var record = await RecordAsync(caseId);
        Assert.False(record.MailboxLegacy);
        Assert.Equal(keys.Verifier, record.MailboxLookupId);
        using var insiderAfter = await insider.ThreadAsync(insiderAuthenticator);
        Assert.Equal(HttpStatusCode.NotFound, insiderAfter.StatusCode);
    }

    [Fact]
    public async Task AnOpenedChallenge_ExpiresAfterTwoMinutes()
    {
        using var reporter = new ReporterClient(App);
        var (token, keys) = await MailboxApiTests.SubmitAsync(reporter, "legacy report");
        using var _ = token;
        using var __ = keys;
        var caseId = await MakeLegacyAsync(keys);
        var api = await new MailboxApiClient(reporter).LoadDoorAsync();
        var lookup = new Dictionary<string, string> { [MailboxApi.LookupHeader] = keys.LookupIdHex };
        using var challenge = await api.PostAsync("/mailbox/api/thread", keys.AuthenticatorHex, headers: lookup);
        var body = await challenge.Content.ReadAsStringAsync();
        var proof = Convert.ToHexStringLower(AgeFile.Decrypt(Convert.FromBase64String(Challenge(body)), [keys.Identity]));

        App.Clock.Advance(TimeSpan.FromMinutes(3));
        using var late = await api.PostAsync("/mailbox/api/thread", keys.AuthenticatorHex, headers: new Dictionary<string, string>(lookup)
        {
            [MailboxChallenge.StateHeader] = State(body),
            [MailboxChallenge.ProofHeader] = proof,
        });

        Assert.Null(CaseNumberIn(await late.Content.ReadAsStringAsync()));
        Assert.True((await RecordAsync(caseId)).MailboxLegacy);
    }

    /// <summary>A case as it was stored before the authenticator: the v1 lookup id, marked legacy.</summary>
    private async Task<Guid> MakeLegacyAsync(MailboxKeys keys)
    {
        await using var scope = App.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var record = await db.Cases.SingleAsync();
        record.MailboxLookupId = keys.LookupId;
        record.MailboxLegacy = true;
        await db.SaveChangesAsync();
        return record.Id;
    }

    private async Task<(Guid CaseId, byte[] Stored, Guid AttachmentId)> StoredAsync()
    {
        await using var scope = App.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var record = await db.Cases.AsNoTracking().SingleAsync();
        var attachment = await db.CaseAttachments.AsNoTracking().Select(a => (Guid?)a.Id).FirstOrDefaultAsync();
        return (record.Id, record.MailboxLookupId, attachment ?? Guid.Empty);
    }

    private async Task<CaseRecord> RecordAsync(Guid caseId)
    {
        await using var scope = App.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.AsNoTracking().SingleAsync(c => c.Id == caseId);
    }

    private async Task<IReadOnlyCollection<IRecipient>> RecipientsAsync(Guid caseId, MailboxKeys keys)
    {
        await using var scope = App.CreateScope();
        var record = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.AsNoTracking().SingleAsync(c => c.Id == caseId);
        var channel = await scope.ServiceProvider.GetRequiredService<Intake.Web.Keys.ChannelKeys>().CurrentRecipientAsync(record.ChannelId);
        return [AgeKeys.ParseRecipient(channel), keys.Recipient];
    }

    /// <summary>The case number of a thread answer; null for a challenge (or anything else).</summary>
    private static string? CaseNumberIn(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.TryGetProperty("caseNumber", out var number) ? number.GetString() : null;
    }

    private static string State(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("state").GetString()!;
    }

    private static string Challenge(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("challenge").GetString()!;
    }
}
