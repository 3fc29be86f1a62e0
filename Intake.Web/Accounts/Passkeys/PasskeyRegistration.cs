using System.Security.Cryptography;
using Fido2NetLib;
using Fido2NetLib.Objects;
using Intake.Crypto.Age;
using Intake.Web.Audit;
using Intake.Web.Keys;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Accounts.Passkeys;

/// <summary>
/// A signed-in person's passkeys: registering one (user verification required, discoverable, no attestation), and
/// with PRF sealing the personal identity to it; listing and removing them. Every change is audited.
/// </summary>
public sealed class PasskeyRegistration(
    IntakeDbContext db, PasskeyRelyingParty party, PasskeyCeremonies ceremonies, AuditLog audit, UnitOfWork work, TimeProvider clock)
{
    /// <summary>A person has at most this many passkeys.</summary>
    public const int MaxPerPerson = 10;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public Task<List<StaffPasskey>> ListAsync(Guid userId, CancellationToken cancellationToken = default) =>
        db.StaffPasskeys.AsNoTracking().Where(p => p.StaffUserId == userId).OrderBy(p => p.CreatedOn).ThenBy(p => p.Name).ToListAsync(cancellationToken);

    /// <summary>
    /// The options of a new passkey for the signed-in person (<c>navigator.credentials.create</c>) and of the
    /// assertion that then asks it for its PRF output: the script fills in the new credential's id.
    /// </summary>
    public async Task<PasskeyBegin> BeginAsync(UnlockedKeyring keyring, string? name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyring);
        var fido2 = party.Fido2;
        if (fido2 is null)
        {
            return PasskeyBegin.Refused("Passkeys.Error.Unavailable");
        }

        if (PasskeyNames.Normalize(name) is not { } cleanName)
        {
            return PasskeyBegin.Refused("Passkeys.Error.Name");
        }

        var user = await db.StaffUsers.AsNoTracking().SingleAsync(u => u.Id == keyring.UserId, cancellationToken);
        var existing = await db.StaffPasskeys.AsNoTracking().Where(p => p.StaffUserId == user.Id).Select(p => p.CredentialId).ToListAsync(cancellationToken);
        if (existing.Count >= MaxPerPerson)
        {
            return PasskeyBegin.Refused("Passkeys.Error.TooMany");
        }

        var creation = fido2.RequestNewCredential(new RequestNewCredentialParams
        {
            User = new Fido2User { Id = UserHandle(user.Id), Name = user.Username, DisplayName = user.DisplayName },
            ExcludeCredentials = existing.Select(id => new PublicKeyCredentialDescriptor(id)).ToList(),
            AuthenticatorSelection = new AuthenticatorSelection
            {
                ResidentKey = ResidentKeyRequirement.Required,
                UserVerification = UserVerificationRequirement.Required,
            },
            AttestationPreference = AttestationConveyancePreference.None,
        });
        var assertion = fido2.GetAssertionOptions(new GetAssertionOptionsParams
        {
            AllowedCredentials = [],
            UserVerification = UserVerificationRequirement.Required,
        });
        var ceremony = await ceremonies.OpenAsync(new PasskeyCeremony(PasskeyCeremonyKind.Registration, user.Id, creation.ToJson(), assertion.ToJson(), cleanName), cancellationToken);
        return ceremony is null ? PasskeyBegin.Refused(PasskeyBegin.BusyKey) : new PasskeyBegin(null, ceremony, creation.ToJson(), assertion.ToJson(), PrfInputsFor(party));
    }

    /// <summary>
    /// Checks the new passkey's attestation and stores it. When the browser also sent the passkey's assertion and
    /// PRF outputs, the assertion is checked against the new key and the personal identity is sealed to the
    /// outputs (age fido2prf); the outputs are wiped and never stored. Without them the passkey is a second factor.
    /// </summary>
    public async Task<PasskeyResult> FinishAsync(
        UnlockedKeyring keyring, string? ceremonyId, string? attestationJson, string? assertionJson, string? prfFirst, string? prfSecond,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyring);
        var ceremony = await ceremonies.TakeAsync(ceremonyId, PasskeyCeremonyKind.Registration, keyring.UserId, cancellationToken);
        var attestation = PasskeyJson.Attestation(attestationJson);
        if (ceremony is null || attestation is null || party.Fido2 is not { } fido2)
        {
            return PasskeyResult.Refused("Passkeys.Error.Expired");
        }

        RegisteredPublicKeyCredential credential;
        try
        {
            credential = await fido2.MakeNewCredentialAsync(new MakeNewCredentialParams
            {
                AttestationResponse = attestation,
                OriginalOptions = CredentialCreateOptions.FromJson(ceremony.OptionsJson),
                IsCredentialIdUniqueToUserCallback = async (args, token) => !await db.StaffPasskeys.AnyAsync(p => p.CredentialId == args.CredentialId, token),
            }, cancellationToken);
        }
        catch (Fido2VerificationException)
        {
            return PasskeyResult.Refused("Passkeys.Error.Refused");
        }

        var passkey = new StaffPasskey
        {
            Id = Guid.NewGuid(),
            StaffUserId = keyring.UserId,
            CredentialId = credential.Id,
            PublicKey = credential.PublicKey,
            SignatureCounter = credential.SignCount,
            Name = ceremony.Name!,
            CreatedOn = Today,
        };

        var first = PasskeyJson.PrfOutput(prfFirst);
        var second = PasskeyJson.PrfOutput(prfSecond);
        try
        {
            if (first is not null && second is not null && PasskeyJson.Assertion(assertionJson) is { } assertion)
            {
                if (!CryptographicOperations.FixedTimeEquals(assertion.RawId, credential.Id))
                {
                    return PasskeyResult.Refused("Passkeys.Error.Refused");
                }

                try
                {
                    var checkedAssertion = await fido2.MakeAssertionAsync(new MakeAssertionParams
                    {
                        AssertionResponse = assertion,
                        OriginalOptions = AssertionOptions.FromJson(ceremony.AssertionJson!),
                        StoredPublicKey = credential.PublicKey,
                        StoredSignatureCounter = credential.SignCount,
                        IsUserHandleOwnerOfCredentialIdCallback = (args, _) => Task.FromResult(args.UserHandle.AsSpan().SequenceEqual(UserHandle(keyring.UserId))),
                    }, cancellationToken);
                    passkey.SignatureCounter = checkedAssertion.SignCount;
                }
                catch (Fido2VerificationException)
                {
                    return PasskeyResult.Refused("Passkeys.Error.Refused");
                }

                using var recipient = new Fido2PrfRecipient(party.PrfNonce, first, second);
                passkey.SealedIdentity = SealedIdentity.Seal(keyring.Personal, recipient);
            }
        }
        finally
        {
            StaffKeys.Wipe(first);
            StaffKeys.Wipe(second);
        }

        db.StaffPasskeys.Add(passkey);
        audit.Record(AuditKinds.PasskeyRegistered, keyring.UserId, keyring.UserId,
            detail: passkey.UnlocksKey ? AuditDetails.PasskeyUnlocksKey : AuditDetails.PasskeySecondFactorOnly);
        await work.SaveAsync(cancellationToken);
        return new PasskeyResult(null, passkey.UnlocksKey);
    }

    /// <summary>Removes one of the person's passkeys with its wrap; the passphrase (and other passkeys) still sign in.</summary>
    public async Task<bool> RemoveAsync(Guid userId, Guid passkeyId, CancellationToken cancellationToken = default)
    {
        var passkey = await db.StaffPasskeys.SingleOrDefaultAsync(p => p.Id == passkeyId && p.StaffUserId == userId, cancellationToken);
        if (passkey is null)
        {
            return false;
        }

        db.StaffPasskeys.Remove(passkey);
        audit.Record(AuditKinds.PasskeyRemoved, userId, userId);
        await work.SaveAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Removes every passkey of a person (with their wraps) in the caller's unit of work: an administrator's reset
    /// or deactivation. Returns how many there were.
    /// </summary>
    public async Task<int> RecordRemoveAllAsync(Guid administratorId, Guid userId, CancellationToken cancellationToken = default)
    {
        var passkeys = await db.StaffPasskeys.Where(p => p.StaffUserId == userId).ToListAsync(cancellationToken);
        if (passkeys.Count > 0)
        {
            db.StaffPasskeys.RemoveRange(passkeys);
            audit.Record(AuditKinds.PasskeyRemoved, administratorId, userId, detail: "passkeys=" + passkeys.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return passkeys.Count;
    }

    /// <summary>The WebAuthn user handle of an account: its id's 16 bytes, nothing personal.</summary>
    public static byte[] UserHandle(Guid userId) => userId.ToByteArray();

    internal static PasskeyPrfInputs PrfInputsFor(PasskeyRelyingParty party)
    {
        var (first, second) = Crypto.Age.Fido2Prf.Fido2PrfKey.Inputs(party.PrfNonce);
        return new PasskeyPrfInputs(PasskeyJson.Base64(first), PasskeyJson.Base64(second));
    }
}

/// <summary>The PRF inputs (base64url) the browser asks the passkey to evaluate.</summary>
public sealed record PasskeyPrfInputs(string First, string Second);

/// <summary>The options to hand to the browser, or the resource key of why not.</summary>
public sealed record PasskeyBegin(string? ErrorKey, string? Ceremony = null, string? CreationJson = null, string? AssertionJson = null, PasskeyPrfInputs? Prf = null)
{
    /// <summary>The refusal while too many ceremonies are open (<see cref="PasskeyCeremonies.MaxOpen"/>).</summary>
    public const string BusyKey = "Passkeys.Error.Busy";

    public static PasskeyBegin Refused(string errorKey) => new(errorKey);
}

/// <summary>The outcome of a registration: null error when the passkey was stored.</summary>
public sealed record PasskeyResult(string? ErrorKey, bool UnlocksKey = false)
{
    public static PasskeyResult Refused(string errorKey) => new(errorKey);
}
