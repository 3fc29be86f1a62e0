using Intake.Web.Accounts;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Keys;

/// <summary>
/// What an administrative change to a person does to the channels they are in: which channels they hold, and how
/// many other members could still read each one. A channel left without an active member is readable only with
/// the offline recovery key, so such a change is refused (removal, role change, deactivation) or warned about
/// (reset).
/// </summary>
public sealed class MembershipImpact(IntakeDbContext db)
{
    /// <summary>The person's channels (or just <paramref name="onlyChannel"/>) and who else holds each.</summary>
    public async Task<IReadOnlyList<ChannelImpact>> OfAsync(Guid userId, Guid? onlyChannel = null, CancellationToken cancellationToken = default)
    {
        var memberships = await db.ChannelMemberships.AsNoTracking()
            .Where(m => m.UserId == userId && (onlyChannel == null || m.ChannelId == onlyChannel))
            .ToListAsync(cancellationToken);
        var channelIds = memberships.Select(m => m.ChannelId).ToList();
        var codes = await db.Channels.AsNoTracking().Where(c => channelIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Code, cancellationToken);
        var others = await (from m in db.ChannelMemberships.AsNoTracking()
                            join u in db.StaffUsers.AsNoTracking() on m.UserId equals u.Id
                            where channelIds.Contains(m.ChannelId) && m.UserId != userId && m.State == MembershipState.Active && !u.IsDisabled
                            select m.ChannelId).ToListAsync(cancellationToken);
        return memberships.Select(m => new ChannelImpact(
            m.ChannelId, codes[m.ChannelId], m.State == MembershipState.Active, others.Count(c => c == m.ChannelId), m.ApprovedBy)).ToList();
    }
}

/// <summary>One channel a change touches: whether the person holds its key and how many others do.</summary>
public sealed record ChannelImpact(Guid ChannelId, string ChannelCode, bool HoldsKey, int OtherMembers, Guid? ApprovedBy = null)
{
    /// <summary>Taking this person out leaves the channel without anyone who can read it.</summary>
    public bool LeavesChannelEmpty => HoldsKey && OtherMembers == 0;
}
