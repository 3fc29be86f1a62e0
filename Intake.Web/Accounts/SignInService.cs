using Intake.Crypto.Age;
using Intake.Web.Audit;
using Intake.Web.Keys;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Intake.Web.Accounts;

/// <summary>
/// Staff sign-in in two steps. The passphrase opens the sealed personal identity (that is the check: no password
/// hash is stored); then the TOTP code, sealed to that identity, is verified. Only then are the channel keys
/// unlocked into a session. Unknown usernames cost the same time and get the same answer as wrong passphrases.
/// </summary>
public sealed class SignInService(
    IntakeDbContext db,
    StaffKeys staffKeys,
    DecoySealedIdentity decoy,
    SignInLanes lanes,
    SignInGate gate,
    SignInThrottle throttle,
    PendingSignIns pending,
    TotpCodes totp,
    ChannelKeys channelKeys,
    UnlockedKeyStore keyStore,
    AuditLog audit,
    UnitOfWork work,
    KnownDevices devices,
    PersonalKeyUpgrade keyUpgrade,
    IOptions<SessionOptions> sessionOptions)
{
    /// <summary>
    /// Checks the passphrase. <paramref name="device"/> is the browser's device cookie, if any: when it is one of this
    /// user's, the work runs in the reserved lane and failures count against this device alone; otherwise in the
    /// shared lane, with failures counted against the username from unknown devices, and, while the free sign-ins
    /// are spent, only with a <paramref name="proof"/> of work (docs/availability.md).
    /// </summary>
    public async Task<PassphraseStep> CheckPassphraseAsync(string? username, string? passphrase, KnownDevice? device = null, SignInProof? proof = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(passphrase) || string.IsNullOrWhiteSpace(username))
        {
            // Nothing to check: no passphrase can be empty (PassphrasePolicy), and this says nothing about the user.
            return new PassphraseStep(PassphraseStepOutcome.Missing);
        }

        var name = StaffUsernames.Normalize(username);
        var user = await db.StaffUsers.SingleOrDefaultAsync(u => u.Username == name, cancellationToken);
        var known = device is not null && user is not null && device.UserId == user.Id ? device : null;
        var wait = await throttle.RetryAfterAsync(name, known?.DeviceId, cancellationToken);
        if (wait > TimeSpan.Zero)
        {
            return new PassphraseStep(PassphraseStepOutcome.Throttled, RetryAfter: wait);
        }

        if (!await gate.AdmitAsync(known is not null, proof, cancellationToken))
        {
            return new PassphraseStep(PassphraseStepOutcome.ProofNeeded);
        }

        // An account not yet activated by its owner is sealed with its activation code: it cannot sign in.
        var sealedIdentity = user is { IsDisabled: false, IsActivated: true } ? user.SealedIdentity : decoy.Value;
        var (ran, identity) = await lanes.RunAsync(known is not null, () => staffKeys.TryOpen(sealedIdentity, passphrase ?? string.Empty), cancellationToken);
        if (!ran)
        {
            return new PassphraseStep(PassphraseStepOutcome.Busy);
        }

        if (user is null || user.IsDisabled || !user.IsActivated || identity is null)
        {
            identity?.Dispose();
            await throttle.RecordFailureAsync(name, known?.DeviceId, cancellationToken);
            // The typed username is not recorded: people type passphrases into the wrong field.
            await audit.AppendAsync(AuditKinds.SignInFailed, subjectId: user?.Id, detail: "passphrase", cancellationToken: cancellationToken);
            return new PassphraseStep(PassphraseStepOutcome.Failed);
        }

        // A personal key from before post-quantum keys becomes hybrid at this sign-in: the new one is sealed with the
        // passphrase now (in the same lane: it costs one more scrypt), and takes over once the second factor is checked.
        PreparedKeyUpgrade? upgrade = null;
        if (!identity.IsPostQuantum)
        {
            var (sealedFresh, prepared) = await lanes.RunAsync(known is not null, () => keyUpgrade.Prepare(identity, passphrase), cancellationToken);
            upgrade = sealedFresh ? prepared : null;
        }

        var pendingId = await pending.CreateAsync(user.Id, identity, known?.DeviceId, upgrade, cancellationToken);
        return new PassphraseStep(user.TotpEnrolled ? PassphraseStepOutcome.CodeRequired : PassphraseStepOutcome.EnrolmentRequired, pendingId);
    }

    /// <summary>Starts TOTP enrolment for a pending sign-in without TOTP: returns the new secret to show.</summary>
    public async Task<(byte[] Secret, string Username)?> BeginEnrolmentAsync(string? pendingId, CancellationToken cancellationToken = default)
    {
        var entry = await pending.GetAsync(pendingId, cancellationToken);
        if (entry is null)
        {
            return null;
        }

        var user = await db.StaffUsers.AsNoTracking().SingleAsync(u => u.Id == entry.UserId, cancellationToken);
        if (user.TotpEnrolled)
        {
            return null;
        }

        if (entry.EnrolmentSecret is null)
        {
            entry.EnrolmentSecret = TotpCodes.NewSecret();
            await pending.SaveEnrolmentAsync(entry, cancellationToken);
        }

        return ([.. entry.EnrolmentSecret], user.Username);
    }

    /// <summary>
    /// Checks the TOTP code (confirming enrolment if one is under way) and signs in. The browser's device (from
    /// the passphrase step's device cookie) is looked up among the account's known devices: a browser new to an account
    /// that has others is recorded in the sign-in's audit entry ("new-device"), which sends its owner a security notice
    /// in the same transaction.
    /// </summary>
    public async Task<CodeStep> CheckCodeAsync(
        string? pendingId, string? code, CancellationToken cancellationToken = default)
    {
        var entry = await pending.GetAsync(pendingId, cancellationToken);
        var user = entry is null ? null : await db.StaffUsers.SingleOrDefaultAsync(u => u.Id == entry.UserId, cancellationToken);
        if (entry is null || user is null)
        {
            return new CodeStep(CodeStepOutcome.Expired);
        }

        return await CheckCodeAsync(pendingId!, entry, user, code, cancellationToken);
    }

    private async Task<CodeStep> CheckCodeAsync(string pendingId, PendingSignIn entry, StaffUser user, string? code, CancellationToken cancellationToken)
    {
        var enrolling = !user.TotpEnrolled && entry.EnrolmentSecret is not null;
        if (!user.TotpEnrolled && !enrolling)
        {
            return new CodeStep(CodeStepOutcome.Failed);
        }

        var secret = enrolling ? entry.EnrolmentSecret! : StaffKeys.OpenTotpSecret(user.SealedTotpSecret!, entry.Identity);
        long? step;
        try
        {
            step = totp.Verify(secret, code, user.LastTotpStep);
            if (step is not null && enrolling)
            {
                user.SealedTotpSecret = StaffKeys.SealTotpSecret(secret, user.Recipient);
            }
        }
        finally
        {
            if (!enrolling)
            {
                StaffKeys.Wipe(secret);
            }
        }

        if (step is null)
        {
            return await FailCodeAsync(pendingId, entry, user, cancellationToken);
        }

        // One use per step, decided by the database: of parallel requests with the same code, one wins the
        // conditional update and the others find the step already taken.
        var usedStep = step.Value;
        if (await db.StaffUsers.Where(u => u.Id == user.Id && u.LastTotpStep < usedStep)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.LastTotpStep, usedStep), cancellationToken) == 0)
        {
            db.Entry(user).State = EntityState.Unchanged;
            return await FailCodeAsync(pendingId, entry, user, cancellationToken);
        }

        if (enrolling)
        {
            audit.Record(AuditKinds.TotpEnrolled, user.Id, user.Id, detail: AuditDetails.Activation);
        }

        if (!await pending.RemoveAsync(pendingId, cancellationToken))
        {
            // Another request ended this sign-in while its code was checked (it used up the attempts).
            return new CodeStep(CodeStepOutcome.Expired);
        }

        return await CompleteAsync(user, entry.TakeIdentity(), entry.DeviceId, method: null, entry.TakeKeyUpgrade(), cancellationToken);
    }

    /// <summary>
    /// Finishes a sign-in whose factors were checked: records it (with the <paramref name="method"/>, null for
    /// passphrase and TOTP, and whether the browser is new to the account), saves the unit of work, and unlocks the
    /// channel keys with <paramref name="identity"/>, which the new session owns from then on. With an
    /// <paramref name="upgrade"/> (a passphrase sign-in with a personal key from before post-quantum keys), the
    /// person's keys move to the new hybrid identity in the same unit of work (<see cref="PersonalKeyUpgrade"/>).
    /// </summary>
    public async Task<CodeStep> CompleteAsync(
        StaffUser user, IKeyIdentity identity, string? deviceId, string? method, PreparedKeyUpgrade? upgrade = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(identity);
        var device = await devices.RecogniseAsync(user.Id, deviceId, cancellationToken);
        audit.Record(AuditKinds.SignInSucceeded, user.Id, user.Id, detail: AuditDetails.SignIn(method, device.Warn));
        if (upgrade is not null)
        {
            identity = await keyUpgrade.RecordAsync(user, identity, upgrade, cancellationToken);
        }

        await work.SaveAsync(cancellationToken);
        var keyring = await channelKeys.UnlockAsync(user.Id, identity, cancellationToken);
        await throttle.RecordSuccessAsync(user.Username, deviceId, cancellationToken);
        var session = sessionOptions.Value;
        var sessionId = await keyStore.OpenAsync(keyring, session.IdleTimeout, session.AbsoluteTimeout, cancellationToken);
        return new CodeStep(CodeStepOutcome.SignedIn, user, sessionId, device.DeviceId);
    }

    public async Task SignOutAsync(string? sessionId, Guid? userId, CancellationToken cancellationToken = default)
    {
        await keyStore.CloseAsync(sessionId, cancellationToken);
        if (userId is not null)
        {
            await audit.AppendAsync(AuditKinds.SignOut, userId, userId, cancellationToken: cancellationToken);
        }
    }

    private async Task<CodeStep> FailCodeAsync(string pendingId, PendingSignIn entry, StaffUser user, CancellationToken cancellationToken)
    {
        await pending.RecordFailureAsync(entry, cancellationToken);
        await throttle.RecordFailureAsync(user.Username, entry.DeviceId, cancellationToken);
        await audit.AppendAsync(AuditKinds.SignInFailed, subjectId: user.Id, detail: "totp", cancellationToken: cancellationToken);
        if (entry.CodeAttempts >= PendingSignIns.MaxCodeAttempts)
        {
            await pending.RemoveAsync(pendingId, cancellationToken);
            return new CodeStep(CodeStepOutcome.Expired);
        }

        return new CodeStep(CodeStepOutcome.Failed);
    }
}
