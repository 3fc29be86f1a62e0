using Intake.Crypto.Age;
using Intake.Web.Audit;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Keys;

/// <summary>
/// Moves an installation from before post-quantum keys to hybrid ones (ML-KEM-768 with X25519), layer by layer,
/// without making anything unreadable: a member rotates a channel to a hybrid key version (old versions stay, so
/// every old case opens), and the operator, with the recovery identity, replaces it by a hybrid one, which
/// re-wraps every channel key version to it and rotates the channels still on an X25519 key. (Personal identities
/// become hybrid at their owner's next sign-in with the passphrase, see <c>SignInService</c>.)
/// </summary>
public sealed class PostQuantumUpgrade(IntakeDbContext db, ChannelKeys channelKeys, AuditLog audit, UnitOfWork work)
{
    /// <summary>The key state of every channel the person holds a key of.</summary>
    public async Task<IReadOnlyList<ChannelKeyState>> StatesAsync(UnlockedKeyring keyring, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyring);
        var held = keyring.ChannelKeys.Select(k => k.ChannelId).Distinct().ToList();
        var channels = await (from c in db.Channels.AsNoTracking()
                              join k in db.ChannelKeys.AsNoTracking() on new { ChannelId = c.Id, Version = c.CurrentKeyVersion } equals new { k.ChannelId, k.Version }
                              where held.Contains(c.Id)
                              orderby c.Code
                              select new { c.Id, c.Code, k.Version, k.Recipient, k.CreatedOn }).ToListAsync(cancellationToken);
        var members = await (from m in db.ChannelMemberships.AsNoTracking()
                             join u in db.StaffUsers.AsNoTracking() on m.UserId equals u.Id
                             where held.Contains(m.ChannelId) && m.State == MembershipState.Active && !u.IsDisabled
                             select new { m.ChannelId, u.Recipient }).ToListAsync(cancellationToken);
        var recovery = await db.Organisation.AsNoTracking().Select(o => o.RecoveryRecipient).SingleAsync(cancellationToken);
        return channels.Select(c => new ChannelKeyState(
            c.Id,
            c.Code,
            c.Version,
            AgeKeys.IsPostQuantumRecipient(c.Recipient),
            c.CreatedOn,
            members.Count(m => m.ChannelId == c.Id && !AgeKeys.IsPostQuantumRecipient(m.Recipient)),
            AgeKeys.IsPostQuantumRecipient(recovery))).ToList();
    }

    /// <summary>Whether the recovery identity is a hybrid post-quantum one.</summary>
    public async Task<bool> RecoveryIsPostQuantumAsync(CancellationToken cancellationToken = default) =>
        AgeKeys.IsPostQuantumRecipient(await db.Organisation.AsNoTracking().Select(o => o.RecoveryRecipient).SingleAsync(cancellationToken));

    /// <summary>
    /// A member rotates the channel to a hybrid key version, wrapped to every member and to recovery; the members'
    /// live sessions get it at once. False when the channel's key is hybrid already.
    /// </summary>
    public async Task<bool> RotateChannelAsync(Guid channelId, UnlockedKeyring member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!member.HoldsChannel(channelId))
        {
            throw new KeyOperationException(KeyOperationError.NotAMember);
        }

        if (AgeKeys.IsPostQuantumRecipient(await channelKeys.CurrentRecipientAsync(channelId, cancellationToken)))
        {
            return false;
        }

        await channelKeys.RecordRotateAsync(channelId, member.UserId, [], cancellationToken);
        await work.SaveAsync(cancellationToken);
        await channelKeys.ShareWithLiveSessionsAsync(channelId, cancellationToken);
        return true;
    }

    /// <summary>
    /// Replaces an X25519 recovery identity by a new hybrid one: every recovery wrap is opened with the old identity
    /// and wrapped to the new one, and every channel still on an X25519 key rotates to a hybrid version. Returns the
    /// new identity, to be written down by the operator (it is not kept). Refused when the identity given is not the
    /// installation's, or when the recovery identity is hybrid already.
    /// </summary>
    public async Task<IKeyIdentity> ReplaceRecoveryAsync(IKeyIdentity current, Guid actorId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(current);
        var organisation = await db.Organisation.SingleAsync(cancellationToken);
        if (!string.Equals(AgeKeys.Encode(current.PublicRecipient), organisation.RecoveryRecipient, StringComparison.Ordinal))
        {
            throw new KeyOperationException(KeyOperationError.WrongRecoveryIdentity);
        }

        if (current.IsPostQuantum)
        {
            throw new KeyOperationException(KeyOperationError.AlreadyPostQuantum);
        }

        var replacement = AgeKeys.Generate();
        try
        {
            var recipient = AgeKeys.Encode(replacement.PublicRecipient);
            foreach (var wrap in await db.ChannelKeyWraps.Where(w => w.UserId == null).ToListAsync(cancellationToken))
            {
                wrap.WrappedIdentity = KeyWrapping.Rewrap(wrap.WrappedIdentity, current, recipient);
            }

            organisation.RecoveryRecipient = recipient;
            audit.Record(AuditKinds.RecoveryReplaced, actorId, null, null);
            var classic = await (from c in db.Channels
                                 join k in db.ChannelKeys on new { ChannelId = c.Id, Version = c.CurrentKeyVersion } equals new { k.ChannelId, k.Version }
                                 select new { c.Id, k.Recipient }).ToListAsync(cancellationToken);
            var rotated = classic.Where(c => !AgeKeys.IsPostQuantumRecipient(c.Recipient)).Select(c => c.Id).ToList();
            foreach (var channelId in rotated)
            {
                await channelKeys.RecordRotateAsync(channelId, actorId, [], cancellationToken, newRecoveryRecipient: recipient);
            }

            await work.SaveAsync(cancellationToken);
            foreach (var channelId in rotated)
            {
                await channelKeys.ShareWithLiveSessionsAsync(channelId, cancellationToken);
            }

            return replacement;
        }
        catch
        {
            replacement.Dispose();
            throw;
        }
    }
}

/// <summary>A channel's current key as its member sees it on the keys page.</summary>
public sealed record ChannelKeyState(
    Guid ChannelId, string ChannelCode, int Version, bool IsPostQuantum, DateOnly CreatedOn, int MembersWithClassicKeys, bool RecoveryIsPostQuantum);
