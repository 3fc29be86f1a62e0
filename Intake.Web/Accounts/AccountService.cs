using Intake.Web.Audit;
using Intake.Web.Keys;
using Intake.Web.Organisation;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Accounts;

/// <summary>Account changes by the administrator and by staff themselves. Every change is audited.</summary>
public sealed class AccountService(
    IntakeDbContext db, StaffKeys staffKeys, ChannelKeys channelKeys, TotpCodes totp, UnlockedKeyStore keyStore,
    PassphraseWorkLimiter limiter, AuditLog audit, KnownDevices devices, TimeProvider clock)
{
    /// <summary>Creates an account with a generated passphrase, returned to show once to the administrator.</summary>
    public async Task<(StaffUser User, string Passphrase)> CreateAsync(
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

        var passphrase = GeneratedPassphrase.New();
        var (sealedIdentity, recipient) = staffKeys.CreateIdentity(passphrase);
        var user = new StaffUser
        {
            Id = Guid.NewGuid(),
            Username = name,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? name : displayName.Trim(),
            Role = role,
            SealedIdentity = sealedIdentity,
            Recipient = recipient,
            CreatedOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
        };
        db.StaffUsers.Add(user);
        await audit.AppendAsync(AuditKinds.AccountCreated, administratorId, user.Id, detail: role.ToString(), cancellationToken: cancellationToken);
        return (user, passphrase);
    }

    /// <summary>
    /// For a forgotten passphrase: a new personal identity under a generated passphrase, TOTP cleared, every wrap
    /// of the old identity dropped and memberships back to "proposed", to be granted again by a member or with
    /// the recovery identity. Nothing is lost while one member or the recovery identity remains.
    /// </summary>
    public async Task<string> ResetAsync(Guid administratorId, Guid userId, CancellationToken cancellationToken = default)
    {
        var user = await db.StaffUsers.SingleAsync(u => u.Id == userId, cancellationToken);
        var passphrase = GeneratedPassphrase.New();
        (user.SealedIdentity, user.Recipient) = staffKeys.CreateIdentity(passphrase);
        user.SealedTotpSecret = null;
        user.LastTotpStep = 0;
        user.IsDisabled = false;
        db.ChannelKeyWraps.RemoveRange(await db.ChannelKeyWraps.Where(w => w.UserId == userId).ToListAsync(cancellationToken));
        foreach (var membership in await db.ChannelMemberships.Where(m => m.UserId == userId).ToListAsync(cancellationToken))
        {
            membership.State = MembershipState.Proposed;
            membership.ProposedBy = administratorId;
            membership.GrantedBy = null;
        }

        await devices.ForgetAllAsync(userId, cancellationToken);
        keyStore.CloseAllFor(userId);
        await audit.AppendAsync(AuditKinds.AccountReset, administratorId, userId, cancellationToken: cancellationToken);
        return passphrase;
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

        if (role != StaffRole.Handler)
        {
            foreach (var channelId in await db.ChannelMemberships.Where(m => m.UserId == userId).Select(m => m.ChannelId).ToListAsync(cancellationToken))
            {
                await channelKeys.RevokeAsync(channelId, userId, administratorId, cancellationToken);
            }
        }

        user.Role = role;
        keyStore.CloseAllFor(userId);
        await audit.AppendAsync(AuditKinds.RoleChanged, administratorId, userId, detail: role.ToString(), cancellationToken: cancellationToken);
    }

    /// <summary>Re-seals the signed-in user's identity under a new passphrase, after checking the current one.</summary>
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
        await audit.AppendAsync(AuditKinds.PassphraseChanged, user.Id, user.Id, cancellationToken: cancellationToken);
        return AccountChange.Done;
    }

    /// <summary>Replaces the TOTP secret once a code from the new one is confirmed.</summary>
    public async Task<AccountChange> ReenrolTotpAsync(UnlockedKeyring keyring, byte[] newSecret, string? code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyring);
        var user = await db.StaffUsers.SingleAsync(u => u.Id == keyring.UserId, cancellationToken);
        var step = totp.Verify(newSecret, code, 0);
        if (step is null)
        {
            return AccountChange.Rejected("SignIn.Error.Code");
        }

        user.SealedTotpSecret = StaffKeys.SealTotpSecret(newSecret, user.Recipient);
        user.LastTotpStep = step.Value;
        await audit.AppendAsync(AuditKinds.TotpEnrolled, user.Id, user.Id, cancellationToken: cancellationToken);
        return AccountChange.Done;
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
