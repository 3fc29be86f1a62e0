using Intake.Crypto.Age;
using Intake.Web.Accounts;
using Intake.Web.Keys;
using Intake.Web.Organisation;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Infrastructure;

/// <summary>
/// An organisation set up through the real set-up service: administrator "admin", whistleblowing handler
/// "wb-handler", threats handler "tv-handler" and statistics account "stats", each activated by its owner with the
/// activation code set-up issued and the known <see cref="Passphrase"/>. Keeps the recovery identity.
/// </summary>
public sealed class StaffWorld : IDisposable
{
    public const string AdminName = "admin";
    public const string WhistleblowingHandler = "wb-handler";
    public const string ThreatHandler = "tv-handler";
    public const string StatisticsUser = "stats";
    public const string Passphrase = "correct-orbit-lantern-meadow";

    private StaffWorld(IKeyIdentity recovery) => Recovery = recovery;

    public IKeyIdentity Recovery { get; }

    public static SetupPlan Plan(params string[] extraWhistleblowingHandlers) => new()
    {
        OrganisationName = "Exempelby kommun",
        ContactText = new() { ["sv"] = "Kontakta säkerhetsenheten.", ["en"] = "Contact the security unit." },
        Administrator = new AccountPlan { Username = AdminName, DisplayName = "Admin" },
        Channels =
        [
            new ChannelPlan
            {
                Code = ChannelCodes.Whistleblowing,
                Handlers = [.. new[] { WhistleblowingHandler }.Concat(extraWhistleblowingHandlers)
                    .Select(n => new AccountPlan { Username = n })],
            },
            new ChannelPlan { Code = ChannelCodes.Threat, Handlers = [new AccountPlan { Username = ThreatHandler }] },
        ],
        Statistics = [new AccountPlan { Username = StatisticsUser, DisplayName = "Statistik" }],
    };

    public static async Task<StaffWorld> CreateAsync(IntakeApplicationFactory app, params string[] extraWhistleblowingHandlers)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<SetupService>().ExecuteAsync(Plan(extraWhistleblowingHandlers));
        foreach (var (username, code) in outcome.ActivationCodes)
        {
            await ActivateAsync(app, username, code);
        }

        return new StaffWorld(outcome.RecoveryIdentity);
    }

    /// <summary>
    /// The owner activates their account with the code the administrator handed over and a passphrase of their
    /// own (TOTP is enrolled at the first sign-in, as after the activation page). Throws when refused.
    /// </summary>
    public static async Task ActivateAsync(IntakeApplicationFactory app, string username, string code, string passphrase = Passphrase)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<AccountActivation>().ActivateAsync(username, code, passphrase, passphrase);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Activation of {username} refused: {result.ErrorKey}");
        }

        // The activation page hands the new identity to TOTP enrolment; an intent that enrols later drops it.
        await scope.ServiceProvider.GetRequiredService<PendingSignIns>().RemoveAsync(result.PendingSignInId);
    }

    /// <summary>An administrator creates an account and its owner activates it: returns the new account.</summary>
    public static async Task<StaffUser> CreateActivatedAsync(
        IntakeApplicationFactory app, string username, StaffRole role = StaffRole.Handler, string passphrase = Passphrase)
    {
        ArgumentNullException.ThrowIfNull(app);
        string code;
        await using (var scope = app.CreateScope())
        {
            var admin = await UserAsync(scope, AdminName);
            (_, code) = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(admin.Id, username, username, role);
        }

        await ActivateAsync(app, username, code, passphrase);
        await using var read = app.CreateScope();
        return await UserAsync(read, username);
    }

    /// <summary>An organisation from a plan the test adjusted (for example with e-mail addresses).</summary>
    public static async Task<StaffWorld> CreateAsync(IntakeApplicationFactory app, SetupPlan plan)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<SetupService>().ExecuteAsync(plan);
        foreach (var (username, code) in outcome.ActivationCodes)
        {
            await ActivateAsync(app, username, code);
        }

        return new StaffWorld(outcome.RecoveryIdentity);
    }

    /// <summary>How many signed-in sessions of the person live now, on every node.</summary>
    public static async Task<int> LiveSessionsAsync(IntakeApplicationFactory app, string username)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.CreateScope();
        var user = await UserAsync(scope, username);
        return await scope.ServiceProvider.GetRequiredService<UnlockedKeyStore>().CountOfAsync(user.Id);
    }

    public static async Task<StaffUser> UserAsync(AsyncServiceScope scope, string username) =>
        await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().StaffUsers.AsNoTracking().SingleAsync(u => u.Username == username);

    public static async Task<Channel> ChannelAsync(AsyncServiceScope scope, string code) =>
        await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Channels.AsNoTracking().SingleAsync(c => c.Code == code);

    /// <summary>Opens a user's sealed identity with a passphrase and unlocks their channel keys.</summary>
    public static async Task<UnlockedKeyring> UnlockAsync(AsyncServiceScope scope, string username, string passphrase = Passphrase)
    {
        var user = await UserAsync(scope, username);
        var identity = scope.ServiceProvider.GetRequiredService<StaffKeys>().TryOpen(user.SealedIdentity, passphrase)
            ?? throw new InvalidOperationException("Passphrase did not open " + username);
        return await scope.ServiceProvider.GetRequiredService<ChannelKeys>().UnlockAsync(user.Id, identity);
    }

    public void Dispose() => Recovery.Dispose();
}
