using Intake.Crypto.Age;
using Intake.Web.Audit;
using Intake.Web.Keys;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Intake.Web.Accounts;

/// <summary>
/// Accounts are activated by their owner. Creation and reset issue a one-time code (shown once to the
/// administrator, handed over in person; only its hash is stored, and it expires). With it the owner sets their
/// own passphrase; a new personal identity is generated then, so no one who saw the code holds the key the
/// account keeps. Until activation the account's identity is sealed with the code (set-up wraps the first channel
/// keys to it); at activation those wraps move to the new identity and each such channel rotates to a new key,
/// so the code and a copy of the database together open nothing written afterwards.
/// </summary>
public sealed class AccountActivation(
    IntakeDbContext db, StaffKeys staffKeys, ChannelKeys channelKeys, PassphraseWorkLimiter limiter, SignInThrottle throttle,
    PendingSignIns pending, AuditLog audit, UnitOfWork work, TimeProvider clock, IOptions<AccountOptions> options)
{
    /// <summary>
    /// Gives the account a new activation code and an identity sealed with it, and clears what the previous
    /// owner of the credentials set (TOTP, activation). Returns the code to show once. Not saved here.
    /// </summary>
    public string Issue(StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var code = ActivationCodes.New();
        (user.SealedIdentity, user.Recipient) = staffKeys.CreateIdentity(ActivationCodes.Canonical(code)!);
        user.ActivationCodeHash = ActivationCodes.Hash(code);
        user.ActivationExpiresAt = clock.GetUtcNow() + options.Value.ActivationLifetime;
        user.ActivatedAt = null;
        user.SealedTotpSecret = null;
        user.LastTotpStep = 0;
        return code;
    }

    /// <summary>
    /// Checks the code and sets the owner's passphrase; on success returns a pending sign-in (for TOTP
    /// enrolment, which follows at once) holding the new identity. Unknown users, wrong codes and accounts
    /// already activated get the same answer.
    /// </summary>
    public async Task<ActivationResult> ActivateAsync(
        string? username, string? code, string? passphrase, string? repeat, CancellationToken cancellationToken = default)
    {
        var name = StaffUsernames.Normalize(username);
        var wait = await throttle.RetryAfterAsync(name, cancellationToken: cancellationToken);
        if (wait > TimeSpan.Zero)
        {
            return ActivationResult.Rejected("SignIn.Error.Throttled", ActivationField.Code, wait);
        }

        if (PassphrasePolicy.Check(passphrase ?? string.Empty, name) is { } problem)
        {
            return ActivationResult.Rejected("Passphrase.Error." + problem, ActivationField.Passphrase);
        }

        if (!string.Equals(passphrase, repeat, StringComparison.Ordinal))
        {
            return ActivationResult.Rejected("Account.Error.Repeat", ActivationField.Repeat);
        }

        var user = await db.StaffUsers.SingleOrDefaultAsync(u => u.Username == name, cancellationToken);
        var matches = ActivationCodes.Matches(user?.ActivationCodeHash, code);
        if (user is null || !matches || user.IsDisabled || user.IsActivated)
        {
            await throttle.RecordFailureAsync(name, cancellationToken: cancellationToken);
            await audit.AppendAsync(AuditKinds.AccountActivationFailed, subjectId: user?.Id, cancellationToken: cancellationToken);
            return ActivationResult.Rejected("Activation.Error.Code", ActivationField.Code);
        }

        if (user.ActivationExpiresAt is not { } expires || clock.GetUtcNow() >= expires)
        {
            return ActivationResult.Rejected("Activation.Error.Expired", ActivationField.Code);
        }

        var (ran, old) = await limiter.TryRunAsync(() => staffKeys.TryOpen(user.SealedIdentity, ActivationCodes.Canonical(code)!), cancellationToken);
        if (!ran)
        {
            return ActivationResult.Rejected("SignIn.Error.Busy", ActivationField.Code);
        }

        using var codeIdentity = old ?? throw new InvalidOperationException("The activation code matched but does not open the account's identity.");
        var fresh = AgeKeys.Generate();
        try
        {
            var (ranSeal, sealedIdentity) = await limiter.TryRunAsync(() => staffKeys.Reseal(fresh, passphrase!), cancellationToken);
            if (!ranSeal || sealedIdentity is null)
            {
                fresh.Dispose();
                return ActivationResult.Rejected("SignIn.Error.Busy", ActivationField.Code);
            }

            var recipient = AgeKeys.Encode(fresh.PublicRecipient);
            var rotate = await MoveWrapsAsync(user.Id, codeIdentity, recipient, cancellationToken);
            user.SealedIdentity = sealedIdentity;
            user.Recipient = recipient;
            user.ActivatedAt = clock.GetUtcNow();
            user.ActivationCodeHash = null;
            user.ActivationExpiresAt = null;
            audit.Record(AuditKinds.AccountActivated, user.Id, user.Id);
            foreach (var channelId in rotate)
            {
                await channelKeys.RecordRotateAsync(channelId, user.Id, [], cancellationToken, new Dictionary<Guid, string> { [user.Id] = recipient });
            }

            await work.SaveAsync(cancellationToken);
        }
        catch
        {
            fresh.Dispose();
            throw;
        }

        await throttle.RecordSuccessAsync(name, cancellationToken: cancellationToken);
        return ActivationResult.Activated(await pending.CreateAsync(user.Id, fresh, cancellationToken: cancellationToken));
    }

    /// <summary>Re-wraps what the code's identity holds to the new one; returns the channels that must rotate.</summary>
    private async Task<IReadOnlyList<Guid>> MoveWrapsAsync(Guid userId, IKeyIdentity codeIdentity, string recipient, CancellationToken cancellationToken)
    {
        var wraps = await (from w in db.ChannelKeyWraps
                           join k in db.ChannelKeys on w.ChannelKeyId equals k.Id
                           where w.UserId == userId
                           select new { Wrap = w, k.ChannelId }).ToListAsync(cancellationToken);
        foreach (var held in wraps)
        {
            held.Wrap.WrappedIdentity = KeyWrapping.Rewrap(held.Wrap.WrappedIdentity, codeIdentity, recipient);
        }

        var active = await db.ChannelMemberships.Where(m => m.UserId == userId && m.State == MembershipState.Active)
            .Select(m => m.ChannelId).ToListAsync(cancellationToken);
        return wraps.Select(w => w.ChannelId).Distinct().Where(active.Contains).ToList();
    }
}

public enum ActivationField
{
    Code,
    Passphrase,
    Repeat,
}

public sealed record ActivationResult(string? PendingSignInId, string? ErrorKey, ActivationField Field, TimeSpan RetryAfter)
{
    public bool Succeeded => PendingSignInId is not null;

    public static ActivationResult Activated(string pendingSignInId) => new(pendingSignInId, null, ActivationField.Code, TimeSpan.Zero);

    public static ActivationResult Rejected(string errorKey, ActivationField field, TimeSpan retryAfter = default) => new(null, errorKey, field, retryAfter);
}
