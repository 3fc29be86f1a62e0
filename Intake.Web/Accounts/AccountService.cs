using Intake.Web.Audit;
using Intake.Web.Keys;
using Intake.Web.Organisation;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Accounts;

/// <summary>Account changes by the administrator and by staff themselves. Every change is audited.</summary>
public sealed class AccountService(
    IntakeDbContext db, StaffKeys staffKeys, ChannelKeys channelKeys, TotpCodes totp, UnlockedKeyStore keyStore,
    PassphraseWorkLimiter limiter, AccountActivation activation, MembershipImpact impact, AuditLog audit, UnitOfWork work,
    KnownDevices devices, Passkeys.PasskeyRegistration passkeys, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// Creates an account waiting for its owner; returns the one-time activation code to show once to the
    /// administrator. The administrator never sees a passphrase: the owner chooses it when activating.
    /// </summary>
    public async Task<(StaffUser User, string ActivationCode)> CreateAsync(
        Guid administratorId, string username, string displayName, StaffRole role, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(role))
        {
            throw new AccountException("Account.Error");
        }

        var name = StaffUsernames.Normalize(username);
        if (!StaffUsernames.IsValid(name))
        {
            throw new AccountException("Account.Error.Username");
        }

        if (await db.StaffUsers.AnyAsync(u => u.Username == name, cancellationToken))
        {
            throw new AccountException("Account.Error.UsernameTaken");
        }

        var user = new StaffUser
        {
            Id = Guid.NewGuid(),
            Username = name,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? name : displayName.Trim(),
            Role = role,
            CreatedOn = Today,
        };
        var code = activation.Issue(user);
        db.StaffUsers.Add(user);
        audit.Record(AuditKinds.AccountCreated, administratorId, user.Id, detail: role.ToString());
        await work.SaveAsync(cancellationToken);
        return (user, code);
    }

    /// <summary>
    /// For a forgotten passphrase: a new activation code (returned to show once) with which the owner sets a new
    /// passphrase and enrols TOTP again; every wrap of the old identity dropped and memberships back to
    /// "proposed", to be granted again by a member or with the recovery identity; every passkey (and its wrap of the
    /// old identity) removed. Nothing is lost while one member
    /// or the recovery identity remains. When the old passphrase or identity may be in someone else's hands
    /// (<paramref name="compromised"/>), every channel the person was an active member of rotates to a new key, so
    /// that the old identity opens nothing new. A deactivated account is not reset.
    /// </summary>
    public async Task<string> ResetAsync(Guid administratorId, Guid userId, bool compromised = false, CancellationToken cancellationToken = default)
    {
        var user = await db.StaffUsers.SingleAsync(u => u.Id == userId, cancellationToken);
        if (user.IsDisabled)
        {
            throw new AccountException("Admin.Error.Deactivated");
        }

        var code = activation.Issue(user);
        user.ResetOn = Today;
        db.ChannelKeyWraps.RemoveRange(await db.ChannelKeyWraps.Where(w => w.UserId == userId).ToListAsync(cancellationToken));
        var wasActiveIn = new List<Guid>();
        foreach (var membership in await db.ChannelMemberships.Where(m => m.UserId == userId).ToListAsync(cancellationToken))
        {
            if (membership.State == MembershipState.Active)
            {
                wasActiveIn.Add(membership.ChannelId);
            }

            membership.State = MembershipState.Proposed;
            membership.ProposedBy = administratorId;
            membership.GrantedBy = null;
            membership.ApprovedBy = null;
        }

        await devices.ForgetAllAsync(userId, cancellationToken);
        await passkeys.RecordRemoveAllAsync(administratorId, userId, cancellationToken);
        audit.Record(AuditKinds.AccountReset, administratorId, userId, detail: compromised ? "compromised" : null);
        if (compromised)
        {
            foreach (var channelId in wasActiveIn)
            {
                await channelKeys.RecordRotateAsync(channelId, administratorId, [userId], cancellationToken);
            }
        }

        await work.SaveAsync(cancellationToken);
        await keyStore.CloseAllForAsync(userId, cancellationToken);
        return code;
    }

    /// <summary>Changes a role. Only handlers hold channel keys, so becoming anything else leaves every channel.</summary>
    public async Task SetRoleAsync(Guid administratorId, Guid userId, StaffRole role, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(role))
        {
            throw new AccountException("Account.Error");
        }

        var user = await db.StaffUsers.SingleAsync(u => u.Id == userId, cancellationToken);
        if (user.Role == role)
        {
            return;
        }

        if (user.IsDisabled)
        {
            throw new AccountException("Admin.Error.Deactivated");
        }

        if (role != StaffRole.Handler)
        {
            await RefuseEmptyingAsync(userId, cancellationToken);
            foreach (var channelId in await db.ChannelMemberships.Where(m => m.UserId == userId).Select(m => m.ChannelId).ToListAsync(cancellationToken))
            {
                await channelKeys.RecordRevokeAsync(channelId, userId, administratorId, cancellationToken);
            }
        }

        user.Role = role;
        audit.Record(AuditKinds.RoleChanged, administratorId, userId, detail: role.ToString());
        await work.SaveAsync(cancellationToken);
        await keyStore.CloseAllForAsync(userId, cancellationToken);
    }

    /// <summary>
    /// For someone who left: the account stays (the audit trail names it) but cannot sign in; it leaves every
    /// channel, each rotating to a new key; its sessions end at once. Refused while it would leave a channel
    /// without a member who can read it: grant someone else first.
    /// </summary>
    public async Task DeactivateAsync(Guid administratorId, Guid userId, CancellationToken cancellationToken = default)
    {
        if (userId == administratorId)
        {
            throw new AccountException("Admin.Error.OwnAccount");
        }

        var user = await db.StaffUsers.SingleAsync(u => u.Id == userId, cancellationToken);
        if (user.IsDisabled)
        {
            return;
        }

        await RefuseEmptyingAsync(userId, cancellationToken);
        foreach (var channelId in await db.ChannelMemberships.Where(m => m.UserId == userId).Select(m => m.ChannelId).ToListAsync(cancellationToken))
        {
            await channelKeys.RecordRevokeAsync(channelId, userId, administratorId, cancellationToken);
        }

        await devices.ForgetAllAsync(userId, cancellationToken);
        await passkeys.RecordRemoveAllAsync(administratorId, userId, cancellationToken);
        user.IsDisabled = true;
        user.DeactivatedOn = Today;
        user.ActivationCodeHash = null;
        user.ActivationExpiresAt = null;
        audit.Record(AuditKinds.AccountDeactivated, administratorId, userId);
        await work.SaveAsync(cancellationToken);
        await keyStore.CloseAllForAsync(userId, cancellationToken);
    }

    /// <summary>
    /// Re-seals the signed-in user's identity under a new passphrase, after checking the current one, and ends
    /// every other session of the user: whoever signed in with the old passphrase is signed out.
    /// </summary>
    public async Task<AccountChange> ChangePassphraseAsync(UnlockedKeyring keyring, string current, string next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyring);
        var user = await db.StaffUsers.SingleAsync(u => u.Id == keyring.UserId, cancellationToken);
        if (PassphrasePolicy.Check(next, user.Username) is { } problem)
        {
            return AccountChange.Rejected("Passphrase.Error." + problem);
        }

        var (ran, opened) = await limiter.TryRunAsync(() => staffKeys.TryOpen(user.SealedIdentity, current), cancellationToken);
        if (!ran)
        {
            return AccountChange.Rejected("SignIn.Error.Busy");
        }

        if (opened is null)
        {
            return AccountChange.Rejected("Account.Error.CurrentPassphrase");
        }

        opened.Dispose();
        var (ranSeal, resealed) = await limiter.TryRunAsync(() => staffKeys.Reseal(keyring.Personal, next), cancellationToken);
        if (!ranSeal || resealed is null)
        {
            return AccountChange.Rejected("SignIn.Error.Busy");
        }

        user.SealedIdentity = resealed;
        audit.Record(AuditKinds.PassphraseChanged, user.Id, user.Id);
        await work.SaveAsync(cancellationToken);
        await keyStore.CloseOthersOfAsync(keyring, cancellationToken);
        return AccountChange.Done;
    }

    /// <summary>
    /// Replaces the TOTP secret once the current passphrase is given again (an unattended session is not enough)
    /// and a code from the new secret is confirmed. Other sessions of the user end.
    /// </summary>
    public async Task<AccountChange> ReenrolTotpAsync(
        UnlockedKeyring keyring, string? passphrase, byte[] newSecret, string? code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyring);
        var user = await db.StaffUsers.SingleAsync(u => u.Id == keyring.UserId, cancellationToken);
        var (ran, opened) = await limiter.TryRunAsync(() => staffKeys.TryOpen(user.SealedIdentity, passphrase ?? string.Empty), cancellationToken);
        if (!ran)
        {
            return AccountChange.Rejected("SignIn.Error.Busy");
        }

        if (opened is null)
        {
            return AccountChange.Rejected("Account.Error.CurrentPassphrase");
        }

        opened.Dispose();
        var step = totp.Verify(newSecret, code, 0);
        if (step is null)
        {
            return AccountChange.Rejected("SignIn.Error.Code");
        }

        user.SealedTotpSecret = StaffKeys.SealTotpSecret(newSecret, user.Recipient);
        user.LastTotpStep = step.Value;
        audit.Record(AuditKinds.TotpEnrolled, user.Id, user.Id);
        await work.SaveAsync(cancellationToken);
        await keyStore.CloseOthersOfAsync(keyring, cancellationToken);
        return AccountChange.Done;
    }

    private async Task RefuseEmptyingAsync(Guid userId, CancellationToken cancellationToken)
    {
        if ((await impact.OfAsync(userId, cancellationToken: cancellationToken)).Any(c => c.LeavesChannelEmpty))
        {
            throw new AccountException("Admin.Error.LastMember");
        }
    }
}

public sealed record AccountChange(bool Succeeded, string? ErrorKey)
{
    public static AccountChange Done { get; } = new(true, null);

    public static AccountChange Rejected(string errorKey) => new(false, errorKey);
}

public sealed class AccountException : Exception
{
    public AccountException(string messageKey)
        : base(messageKey) => MessageKey = messageKey;

    public AccountException()
        : this("Account.Error")
    {
    }

    public AccountException(string message, Exception innerException)
        : base(message, innerException) => MessageKey = message;

    public string MessageKey { get; } = "Account.Error";
}
