using Fido2NetLib;
using Fido2NetLib.Objects;
using Intake.Crypto.Age;
using Intake.Web.Audit;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Accounts.Passkeys;

/// <summary>
/// Signing in with a passkey. Alone, in one step: the user-verified assertion of a discoverable passkey proves
/// possession and the person (two factors), and its PRF outputs open the personal identity sealed to it, which
/// unlocks the channel keys exactly as the passphrase does; no scrypt runs. As the second factor: after the
/// passphrase, any of the person's passkeys (with PRF or without) instead of the TOTP code.
/// </summary>
public sealed class PasskeySignIn(
    IntakeDbContext db, PasskeyRelyingParty party, PasskeyCeremonies ceremonies, SignInService signIn, PendingSignIns pending,
    SignInThrottle throttle, AuditLog audit, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The options of a sign-in with any of this instance's passkeys, with the PRF inputs of its wraps.</summary>
    public async Task<PasskeyBegin> BeginAsync(CancellationToken cancellationToken = default)
    {
        if (party.Fido2 is not { } fido2)
        {
            return PasskeyBegin.Refused("Passkeys.Error.Unavailable");
        }

        var options = fido2.GetAssertionOptions(new GetAssertionOptionsParams
        {
            AllowedCredentials = [],
            UserVerification = UserVerificationRequirement.Required,
        });
        var ceremony = await ceremonies.OpenAsync(new PasskeyCeremony(PasskeyCeremonyKind.SignIn, null, options.ToJson()), cancellationToken);
        return ceremony is null ? PasskeyBegin.Refused(PasskeyBegin.BusyKey)
            : new PasskeyBegin(null, ceremony, AssertionJson: options.ToJson(), Prf: PasskeyRegistration.PrfInputsFor(party));
    }

    /// <summary>
    /// Checks the assertion and opens the personal identity with the PRF outputs (wiped at once, never stored),
    /// then signs in as <see cref="SignInService.CompleteAsync"/>. <paramref name="device"/> is the browser's device
    /// cookie, if any.
    /// </summary>
    public async Task<PasskeyStep> FinishAsync(
        string? ceremonyId, string? assertionJson, string? prfFirst, string? prfSecond, KnownDevice? device, CancellationToken cancellationToken = default)
    {
        var first = PasskeyJson.PrfOutput(prfFirst);
        var second = PasskeyJson.PrfOutput(prfSecond);
        try
        {
            var ceremony = await ceremonies.TakeAsync(ceremonyId, PasskeyCeremonyKind.SignIn, cancellationToken: cancellationToken);
            var assertion = PasskeyJson.Assertion(assertionJson);
            if (ceremony is null || assertion is null || party.Fido2 is null)
            {
                return new PasskeyStep(PasskeyStepOutcome.Expired);
            }

            var (passkey, user) = await FindAsync(assertion, cancellationToken);
            if (passkey is null || user is null || !await VerifyAsync(passkey, assertion, ceremony, cancellationToken))
            {
                return await FailAsync(user?.Id, AuditDetails.Passkey, cancellationToken);
            }

            if (passkey.SealedIdentity is null)
            {
                // A passkey without PRF proves the person but opens no key: it is a second factor after the passphrase.
                await db.SaveChangesAsync(cancellationToken);
                return new PasskeyStep(PasskeyStepOutcome.SecondFactorOnly);
            }

            if (first is null || second is null)
            {
                await db.SaveChangesAsync(cancellationToken);
                return new PasskeyStep(PasskeyStepOutcome.NoPrf);
            }

            IKeyIdentity? identity = null;
            try
            {
                using var opener = new Fido2PrfIdentity(party.PrfNonce, first, second);
                identity = SealedIdentity.Open(passkey.SealedIdentity, opener);
            }
            catch (AgeException)
            {
                identity = null;
            }

            if (identity is null || AgeKeys.Encode(identity.PublicRecipient) != user.Recipient)
            {
                identity?.Dispose();
                db.ChangeTracker.Clear();
                return await FailAsync(user.Id, AuditDetails.Passkey, cancellationToken);
            }

            var known = device is not null && device.UserId == user.Id ? device.DeviceId : null;
            var signedIn = await signIn.CompleteAsync(user, identity, known, AuditDetails.Passkey, cancellationToken: cancellationToken);
            return new PasskeyStep(PasskeyStepOutcome.SignedIn, signedIn);
        }
        finally
        {
            StaffKeys.Wipe(first);
            StaffKeys.Wipe(second);
        }
    }

    /// <summary>The options of an assertion by one of the pending sign-in's person's passkeys; null when they have none.</summary>
    public async Task<PasskeyBegin?> BeginSecondFactorAsync(string? pendingId, CancellationToken cancellationToken = default)
    {
        var entry = await pending.GetAsync(pendingId, cancellationToken);
        if (entry is null || party.Fido2 is not { } fido2)
        {
            return null;
        }

        var credentials = await db.StaffPasskeys.AsNoTracking().Where(p => p.StaffUserId == entry.UserId).Select(p => p.CredentialId).ToListAsync(cancellationToken);
        if (credentials.Count == 0)
        {
            return null;
        }

        var options = fido2.GetAssertionOptions(new GetAssertionOptionsParams
        {
            AllowedCredentials = credentials.Select(id => new PublicKeyCredentialDescriptor(id)).ToList(),
            UserVerification = UserVerificationRequirement.Required,
        });
        var ceremony = await ceremonies.OpenAsync(new PasskeyCeremony(PasskeyCeremonyKind.SecondFactor, entry.UserId, options.ToJson()), cancellationToken);
        return ceremony is null ? PasskeyBegin.Refused(PasskeyBegin.BusyKey) : new PasskeyBegin(null, ceremony, AssertionJson: options.ToJson());
    }

    /// <summary>True when the person has a passkey to use instead of the TOTP code.</summary>
    public async Task<bool> OffersSecondFactorAsync(string? pendingId, CancellationToken cancellationToken = default) =>
        party.IsAvailable && await pending.GetAsync(pendingId, cancellationToken) is { } entry && await db.StaffPasskeys.AnyAsync(p => p.StaffUserId == entry.UserId, cancellationToken);

    /// <summary>Completes a pending sign-in (the passphrase was right) with a passkey instead of the TOTP code.</summary>
    public async Task<CodeStep> FinishSecondFactorAsync(string? pendingId, string? ceremonyId, string? assertionJson, CancellationToken cancellationToken = default)
    {
        var entry = await pending.GetAsync(pendingId, cancellationToken);
        var user = entry is null ? null : await db.StaffUsers.SingleOrDefaultAsync(u => u.Id == entry.UserId, cancellationToken);
        var ceremony = entry is null ? null : await ceremonies.TakeAsync(ceremonyId, PasskeyCeremonyKind.SecondFactor, entry.UserId, cancellationToken);
        var assertion = PasskeyJson.Assertion(assertionJson);
        if (entry is null || user is null || ceremony is null || assertion is null)
        {
            return new CodeStep(CodeStepOutcome.Expired);
        }

        var (passkey, owner) = await FindAsync(assertion, cancellationToken);
        if (passkey is null || owner?.Id != user.Id || !await VerifyAsync(passkey, assertion, ceremony, cancellationToken))
        {
            db.ChangeTracker.Clear();
            await pending.RecordFailureAsync(entry, cancellationToken);
            await throttle.RecordFailureAsync(user.Username, entry.DeviceId, cancellationToken);
            await audit.AppendAsync(AuditKinds.SignInFailed, subjectId: user.Id, detail: AuditDetails.PasskeyFactor, cancellationToken: cancellationToken);
            if (entry.CodeAttempts >= PendingSignIns.MaxCodeAttempts)
            {
                await pending.RemoveAsync(pendingId, cancellationToken);
                return new CodeStep(CodeStepOutcome.Expired);
            }

            return new CodeStep(CodeStepOutcome.Failed);
        }

        if (!await pending.RemoveAsync(pendingId, cancellationToken))
        {
            return new CodeStep(CodeStepOutcome.Expired);
        }

        return await signIn.CompleteAsync(owner, entry.TakeIdentity(), entry.DeviceId, AuditDetails.PasskeyFactor, entry.TakeKeyUpgrade(), cancellationToken);
    }

    private async Task<(StaffPasskey? Passkey, StaffUser? User)> FindAsync(AuthenticatorAssertionRawResponse assertion, CancellationToken cancellationToken)
    {
        var rawId = assertion.RawId;
        if (rawId is not { Length: > 0 and <= 1023 })
        {
            return (null, null);
        }

        var passkey = await db.StaffPasskeys.SingleOrDefaultAsync(p => p.CredentialId == rawId, cancellationToken);
        var user = passkey is null ? null : await db.StaffUsers.SingleOrDefaultAsync(u => u.Id == passkey.StaffUserId, cancellationToken);
        return user is { IsDisabled: false, IsActivated: true } ? (passkey, user) : (null, user);
    }

    /// <summary>
    /// Checks signature, challenge, origin, relying party id, user verification and counter; on success notes the
    /// new counter and the day of use (saved with the sign-in).
    /// </summary>
    private async Task<bool> VerifyAsync(StaffPasskey passkey, AuthenticatorAssertionRawResponse assertion, PasskeyCeremony ceremony, CancellationToken cancellationToken)
    {
        try
        {
            var result = await party.Require().MakeAssertionAsync(new MakeAssertionParams
            {
                AssertionResponse = assertion,
                OriginalOptions = AssertionOptions.FromJson(ceremony.OptionsJson),
                StoredPublicKey = passkey.PublicKey,
                StoredSignatureCounter = passkey.SignatureCounter,
                IsUserHandleOwnerOfCredentialIdCallback = (args, _) =>
                    Task.FromResult(args.UserHandle.AsSpan().SequenceEqual(PasskeyRegistration.UserHandle(passkey.StaffUserId))),
            }, cancellationToken);
            passkey.SignatureCounter = result.SignCount;
            passkey.LastUsedOn = Today;
            return true;
        }
        catch (Fido2VerificationException)
        {
            return false;
        }
    }

    private async Task<PasskeyStep> FailAsync(Guid? userId, string detail, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await audit.AppendAsync(AuditKinds.SignInFailed, subjectId: userId, detail: detail, cancellationToken: cancellationToken);
        return new PasskeyStep(PasskeyStepOutcome.Failed);
    }
}

public enum PasskeyStepOutcome
{
    /// <summary>The assertion did not verify (wrong origin, unknown passkey, a disabled account, …) or the key did not open.</summary>
    Failed,

    /// <summary>The ceremony is unknown, used or expired, or the answer is malformed: start again.</summary>
    Expired,

    /// <summary>The passkey has no PRF wrap: sign in with the passphrase and use it instead of the code.</summary>
    SecondFactorOnly,

    /// <summary>The browser returned no PRF output for a passkey that has a wrap.</summary>
    NoPrf,

    SignedIn,
}

public sealed record PasskeyStep(PasskeyStepOutcome Outcome, CodeStep? SignedIn = null);
