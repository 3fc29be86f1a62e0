using Intake.Crypto.Age;
using Intake.Web.Accounts;
using Intake.Web.Audit;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Intake.Web.Keys;

/// <summary>
/// Who holds which channel key. Every channel key version is stored only as wraps: one per active member handler
/// and one to the organisation's recovery recipient. Members are proposed by the administrator and granted by a
/// current member (or with the recovery identity); removal revokes the wraps and rotates to a new version.
/// Every change is audited in the same unit of work (<see cref="UnitOfWork"/>).
/// </summary>
public sealed class ChannelKeys(
    IntakeDbContext db, AuditLog audit, UnitOfWork work, UnlockedKeyStore keyStore, TimeProvider clock, IOptions<KeyOptions> options)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Opens every wrap the user holds with their personal identity, into a session keyring.</summary>
    public Task<UnlockedKeyring> UnlockAsync(Guid userId, IKeyIdentity personal, CancellationToken cancellationToken = default) =>
        KeyringUnlock.UnlockAsync(db, userId, personal, cancellationToken);

    /// <summary>Creates the first key version of a new channel, wrapped to its first members and to recovery.</summary>
    public ChannelKey CreateFirstKey(Channel channel, IReadOnlyCollection<StaffUser> members, string recoveryRecipient)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(members);
        using var identity = AgeKeys.Generate();
        var key = NewKey(channel.Id, 1, identity, members.Select(m => ((Guid?)m.Id, m.Recipient)), recoveryRecipient);
        channel.CurrentKeyVersion = 1;
        foreach (var member in members)
        {
            channel.Members.Add(new ChannelMembership
            {
                ChannelId = channel.Id,
                UserId = member.Id,
                State = MembershipState.Active,
                Since = Today,
            });
        }

        db.ChannelKeys.Add(key);
        return key;
    }

    /// <summary>The administrator proposes a handler for a channel; nothing is granted yet.</summary>
    public async Task ProposeAsync(Guid channelId, Guid userId, Guid administratorId, CancellationToken cancellationToken = default)
    {
        var user = await db.StaffUsers.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is not { Role: StaffRole.Handler, IsDisabled: false })
        {
            throw new KeyOperationException(KeyOperationError.NotAHandler);
        }

        var existing = await db.ChannelMemberships.SingleOrDefaultAsync(m => m.ChannelId == channelId && m.UserId == userId, cancellationToken);
        if (existing is not null)
        {
            return;
        }

        db.ChannelMemberships.Add(new ChannelMembership
        {
            ChannelId = channelId,
            UserId = userId,
            State = MembershipState.Proposed,
            ProposedBy = administratorId,
            Since = Today,
        });
        audit.Record(AuditKinds.MembershipProposed, administratorId, userId, channelId);
        await work.SaveAsync(cancellationToken);
    }

    /// <summary>
    /// A current member grants a proposed handler every key version of the channel. When grants need two members
    /// (<see cref="KeyOptions.GrantApprovals"/>), the first member's grant is recorded as an approval and the key
    /// is wrapped when a second, different member grants.
    /// </summary>
    public async Task<GrantOutcome> GrantAsync(Guid channelId, Guid userId, UnlockedKeyring granter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(granter);
        if (!granter.HoldsChannel(channelId))
        {
            throw new KeyOperationException(KeyOperationError.GranterLacksKey);
        }

        if (options.Value.GrantApprovals >= 2)
        {
            var membership = await db.ChannelMemberships.SingleOrDefaultAsync(m => m.ChannelId == channelId && m.UserId == userId, cancellationToken)
                ?? throw new KeyOperationException(KeyOperationError.NotProposed);
            await CheckGranteeAsync(userId, cancellationToken);
            if (membership.State == MembershipState.Proposed && membership.ApprovedBy is null)
            {
                membership.ApprovedBy = granter.UserId;
                audit.Record(AuditKinds.MembershipApproved, granter.UserId, userId, channelId);
                await work.SaveAsync(cancellationToken);
                return GrantOutcome.Approved;
            }

            if (membership.ApprovedBy == granter.UserId)
            {
                throw new KeyOperationException(KeyOperationError.SecondApproverNeeded);
            }
        }

        await GrantCoreAsync(channelId, userId, granter.UserId, version => granter.IdentityForVersion(channelId, version), AuditKinds.MembershipGranted, cancellationToken);
        return GrantOutcome.Granted;
    }

    /// <summary>Grants with the offline recovery identity, when no member is left (or reachable) to do it.</summary>
    public async Task GrantWithRecoveryAsync(Guid channelId, Guid userId, IKeyIdentity recovery, Guid actorId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recovery);
        var recoveryWraps = await (from w in db.ChannelKeyWraps.AsNoTracking()
                                   join k in db.ChannelKeys.AsNoTracking() on w.ChannelKeyId equals k.Id
                                   where k.ChannelId == channelId && w.UserId == null
                                   select new { k.Version, w.WrappedIdentity }).ToListAsync(cancellationToken);
        var unwrapped = new Dictionary<int, IKeyIdentity>();
        try
        {
            foreach (var wrap in recoveryWraps)
            {
                try
                {
                    unwrapped[wrap.Version] = KeyWrapping.Unwrap(wrap.WrappedIdentity, recovery);
                }
                catch (AgeException)
                {
                    throw new KeyOperationException(KeyOperationError.WrongRecoveryIdentity);
                }
            }

            await GrantCoreAsync(channelId, userId, actorId, version => unwrapped.GetValueOrDefault(version), AuditKinds.RecoveryUsed, cancellationToken);
        }
        finally
        {
            foreach (var identity in unwrapped.Values)
            {
                identity.Dispose();
            }
        }
    }

    /// <summary>
    /// Removes a handler from a channel: their membership and wraps go, and the channel rotates to a new key
    /// version wrapped to the remaining members and to recovery. Old versions stay readable to those who remain.
    /// Needs no private key, so the administrator can do it. The person's sessions end with it. Refused for the
    /// channel's last active member.
    /// </summary>
    public async Task RevokeAsync(Guid channelId, Guid userId, Guid actorId, CancellationToken cancellationToken = default)
    {
        // The last member who can read the channel stays until someone else is granted: without them only the
        // offline recovery key would open it.
        var others = await (from m in db.ChannelMemberships
                            join u in db.StaffUsers on m.UserId equals u.Id
                            where m.ChannelId == channelId && m.UserId != userId && m.State == MembershipState.Active && !u.IsDisabled
                            select m.UserId).CountAsync(cancellationToken);
        var holds = await db.ChannelMemberships.AnyAsync(m => m.ChannelId == channelId && m.UserId == userId && m.State == MembershipState.Active, cancellationToken);
        if (holds && others == 0)
        {
            throw new KeyOperationException(KeyOperationError.LastMember);
        }

        await RecordRevokeAsync(channelId, userId, actorId, cancellationToken);
        await work.SaveAsync(cancellationToken);

        // The unlocked keys of the person's sessions go now, not when the sessions end.
        await keyStore.CloseAllForAsync(userId, cancellationToken);
    }

    /// <summary>The removal and the rotation it needs, recorded into the caller's unit of work (not saved).</summary>
    internal async Task RecordRevokeAsync(Guid channelId, Guid userId, Guid actorId, CancellationToken cancellationToken)
    {
        var membership = await db.ChannelMemberships.SingleOrDefaultAsync(m => m.ChannelId == channelId && m.UserId == userId, cancellationToken)
            ?? throw new KeyOperationException(KeyOperationError.NotAMember);
        var wasActive = membership.State == MembershipState.Active;
        db.ChannelMemberships.Remove(membership);
        var wraps = await (from w in db.ChannelKeyWraps
                           join k in db.ChannelKeys on w.ChannelKeyId equals k.Id
                           where k.ChannelId == channelId && w.UserId == userId
                           select w).ToListAsync(cancellationToken);
        db.ChannelKeyWraps.RemoveRange(wraps);
        audit.Record(AuditKinds.MembershipRevoked, actorId, userId, channelId);
        if (wasActive)
        {
            await RecordRotateAsync(channelId, actorId, [userId], cancellationToken);
        }
    }

    /// <summary>Starts a new key version for the channel, wrapped to its active members and to recovery.</summary>
    public async Task RotateAsync(Guid channelId, Guid actorId, CancellationToken cancellationToken = default)
    {
        await RecordRotateAsync(channelId, actorId, [], cancellationToken);
        await work.SaveAsync(cancellationToken);
    }

    /// <summary>A rotation recorded into the caller's unit of work, leaving out <paramref name="excluded"/> (removed in it, not yet saved).</summary>
    internal async Task RecordRotateAsync(
        Guid channelId, Guid actorId, IReadOnlyCollection<Guid> excluded, CancellationToken cancellationToken,
        IReadOnlyDictionary<Guid, string>? newRecipients = null, string? newRecoveryRecipient = null)
    {
        var channel = await db.Channels.SingleAsync(c => c.Id == channelId, cancellationToken);
        var recoveryRecipient = newRecoveryRecipient ?? await db.Organisation.Select(o => o.RecoveryRecipient).SingleAsync(cancellationToken);
        var holders = await (from m in db.ChannelMemberships
                             join u in db.StaffUsers on m.UserId equals u.Id
                             where m.ChannelId == channelId && m.State == MembershipState.Active && !excluded.Contains(u.Id)
                             select new { u.Id, u.Recipient }).ToListAsync(cancellationToken);
        var current = await db.ChannelKeys.SingleAsync(k => k.ChannelId == channelId && k.Version == channel.CurrentKeyVersion, cancellationToken);
        current.RetiredOn = Today;
        using var identity = AgeKeys.Generate();
        var version = channel.CurrentKeyVersion + 1;
        db.ChannelKeys.Add(NewKey(channelId, version, identity,
            holders.Select(h => ((Guid?)h.Id, newRecipients?.GetValueOrDefault(h.Id) ?? h.Recipient)), recoveryRecipient));
        channel.CurrentKeyVersion = version;
        audit.Record(AuditKinds.ChannelKeyRotated, actorId, null, channelId, version.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Gives the live sessions of the channel's members the key versions they hold a wrap of but have not unlocked
    /// (a version made after they signed in): whichever node serves a session's next request opens them with the
    /// personal identity the session holds.
    /// </summary>
    public async Task ShareWithLiveSessionsAsync(Guid channelId, CancellationToken cancellationToken = default)
    {
        var holders = await (from w in db.ChannelKeyWraps.AsNoTracking()
                             join k in db.ChannelKeys.AsNoTracking() on w.ChannelKeyId equals k.Id
                             where k.ChannelId == channelId && w.UserId != null
                             select w.UserId!.Value).Distinct().ToListAsync(cancellationToken);
        await keyStore.ShareAsync(holders, cancellationToken);
    }

    /// <summary>The recipient new content of the channel is sealed to.</summary>
    public Task<string> CurrentRecipientAsync(Guid channelId, CancellationToken cancellationToken = default) =>
        (from c in db.Channels
         join k in db.ChannelKeys on new { ChannelId = c.Id, Version = c.CurrentKeyVersion } equals new { k.ChannelId, k.Version }
         where c.Id == channelId
         select k.Recipient).SingleAsync(cancellationToken);

    /// <summary>
    /// The channel recipient that content the reporter reads is sealed to, beside the mailbox: the current one,
    /// unless the mailbox is an X25519 one from before post-quantum keys and the channel has rotated to a hybrid
    /// key since. A file never mixes the two kinds, so such a case's reporter content goes to the channel's newest
    /// X25519 version (which every member still holds, to read the case's past). That costs nothing: whatever the
    /// reporter can read is exactly as strong as their mailbox key. Internal content always goes to the current key.
    /// </summary>
    public async Task<string> RecipientForMailboxAsync(Guid channelId, string mailboxRecipient, CancellationToken cancellationToken = default)
    {
        var current = await CurrentRecipientAsync(channelId, cancellationToken);
        if (AgeKeys.IsPostQuantumRecipient(current) == AgeKeys.IsPostQuantumRecipient(mailboxRecipient))
        {
            return current;
        }

        var versions = await db.ChannelKeys.AsNoTracking().Where(k => k.ChannelId == channelId)
            .OrderByDescending(k => k.Version).Select(k => k.Recipient).ToListAsync(cancellationToken);
        return versions.FirstOrDefault(r => AgeKeys.IsPostQuantumRecipient(r) == AgeKeys.IsPostQuantumRecipient(mailboxRecipient))
            ?? throw new InvalidOperationException("The channel has no key of the mailbox's kind: a hybrid mailbox on a channel with only X25519 keys.");
    }

    private async Task GrantCoreAsync(
        Guid channelId, Guid userId, Guid actorId, Func<int, IKeyIdentity?> identityForVersion, string auditKind,
        CancellationToken cancellationToken)
    {
        var membership = await db.ChannelMemberships.SingleOrDefaultAsync(m => m.ChannelId == channelId && m.UserId == userId, cancellationToken)
            ?? throw new KeyOperationException(KeyOperationError.NotProposed);
        var user = await CheckGranteeAsync(userId, cancellationToken);
        var keys = await db.ChannelKeys.Where(k => k.ChannelId == channelId).OrderBy(k => k.Version).ToListAsync(cancellationToken);
        var held = await (from w in db.ChannelKeyWraps
                          join k in db.ChannelKeys on w.ChannelKeyId equals k.Id
                          where k.ChannelId == channelId && w.UserId == userId
                          select w.ChannelKeyId).ToListAsync(cancellationToken);
        foreach (var key in keys.Where(k => !held.Contains(k.Id)))
        {
            var identity = identityForVersion(key.Version) ?? throw new KeyOperationException(KeyOperationError.GranterLacksKey);
            db.ChannelKeyWraps.Add(new ChannelKeyWrap
            {
                Id = Guid.NewGuid(),
                ChannelKeyId = key.Id,
                UserId = userId,
                WrappedIdentity = KeyWrapping.Wrap(identity, user.Recipient),
                CreatedOn = Today,
            });
        }

        membership.State = MembershipState.Active;
        membership.GrantedBy = actorId;
        membership.ApprovedBy = null;
        membership.Since = Today;
        audit.Record(auditKind, actorId, userId, channelId);
        await work.SaveAsync(cancellationToken);
    }

    /// <summary>
    /// Only a handler who activated the account themselves can be granted: an account still waiting for its owner
    /// may be in the hands of whoever holds its code. (TOTP enrolment follows activation at once, and only the
    /// owner, who chose the passphrase, can sign in to do it.)
    /// </summary>
    private async Task<StaffUser> CheckGranteeAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await db.StaffUsers.SingleAsync(u => u.Id == userId, cancellationToken);
        if (user.Role != StaffRole.Handler || user.IsDisabled)
        {
            throw new KeyOperationException(KeyOperationError.NotAHandler);
        }

        if (!user.IsActivated)
        {
            throw new KeyOperationException(KeyOperationError.NotActivated);
        }

        return user;
    }

    private ChannelKey NewKey(Guid channelId, int version, IKeyIdentity identity, IEnumerable<(Guid? UserId, string Recipient)> holders, string recoveryRecipient)
    {
        var key = new ChannelKey
        {
            Id = Guid.NewGuid(),
            ChannelId = channelId,
            Version = version,
            Recipient = AgeKeys.Encode(identity.PublicRecipient),
            CreatedOn = Today,
        };
        foreach (var (userId, recipient) in holders.Append((null, recoveryRecipient)))
        {
            key.Wraps.Add(new ChannelKeyWrap
            {
                Id = Guid.NewGuid(),
                ChannelKeyId = key.Id,
                UserId = userId,
                WrappedIdentity = KeyWrapping.Wrap(identity, recipient),
                CreatedOn = Today,
            });
        }

        return key;
    }
}

public enum GrantOutcome
{
    /// <summary>The handler holds the channel's keys now.</summary>
    Granted,

    /// <summary>The first of two approvals is recorded; a second member grants.</summary>
    Approved,
}
