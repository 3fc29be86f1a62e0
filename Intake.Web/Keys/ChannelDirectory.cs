using Intake.Web.Accounts;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Keys;

/// <summary>Read-only views of channels, their public keys and members, for staff pages. No key material.</summary>
public sealed class ChannelDirectory(IntakeDbContext db)
{
    public async Task<IReadOnlyList<ChannelView>> AllAsync(CancellationToken cancellationToken = default)
    {
        var channels = await db.Channels.AsNoTracking().OrderBy(c => c.Code).ToListAsync(cancellationToken);
        var keys = await db.ChannelKeys.AsNoTracking().ToListAsync(cancellationToken);
        var members = await (from m in db.ChannelMemberships.AsNoTracking()
                             join u in db.StaffUsers.AsNoTracking() on m.UserId equals u.Id
                             orderby u.Username
                             select new MemberView(m.ChannelId, u.Id, u.Username, u.DisplayName, m.State)).ToListAsync(cancellationToken);
        return channels.Select(c =>
        {
            var current = keys.Single(k => k.ChannelId == c.Id && k.Version == c.CurrentKeyVersion);
            return new ChannelView(c, current.Recipient, KeyFingerprint.Of(current.Recipient), current.Version,
                members.Where(m => m.ChannelId == c.Id).ToList());
        }).ToList();
    }

    public async Task<IReadOnlyList<StaffUser>> UsersAsync(CancellationToken cancellationToken = default) =>
        await db.StaffUsers.AsNoTracking().OrderBy(u => u.Role).ThenBy(u => u.Username).ToListAsync(cancellationToken);
}

public sealed record ChannelView(Channel Channel, string Recipient, string Fingerprint, int KeyVersion, IReadOnlyList<MemberView> Members);

public sealed record MemberView(Guid ChannelId, Guid UserId, string Username, string DisplayName, MembershipState State);
