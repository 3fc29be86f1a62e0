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
                             select new { m.ChannelId, u.Id, u.Username, u.DisplayName, m.State, u.Recipient, u.ActivatedAt, m.ApprovedBy })
                            .ToListAsync(cancellationToken);
        return channels.Select(c =>
        {
            var current = keys.Single(k => k.ChannelId == c.Id && k.Version == c.CurrentKeyVersion);
            return new ChannelView(c, current.Recipient, KeyFingerprint.Of(current.Recipient), current.Version,
                members.Where(m => m.ChannelId == c.Id)
                    .Select(m => new MemberView(m.ChannelId, m.Id, m.Username, m.DisplayName, m.State,
                        m.ActivatedAt is null ? null : KeyFingerprint.Of(m.Recipient), m.ActivatedAt, m.ApprovedBy))
                    .ToList());
        }).ToList();
    }

    public async Task<IReadOnlyList<StaffUser>> UsersAsync(CancellationToken cancellationToken = default) =>
        await db.StaffUsers.AsNoTracking().OrderBy(u => u.Role).ThenBy(u => u.Username).ToListAsync(cancellationToken);
}

public sealed record ChannelView(Channel Channel, string Recipient, string Fingerprint, int KeyVersion, IReadOnlyList<MemberView> Members);

/// <param name="Fingerprint">The personal key's fingerprint, once the owner activated the account.</param>
/// <param name="ApprovedBy">With two approvals required: the member who approved first.</param>
public sealed record MemberView(
    Guid ChannelId, Guid UserId, string Username, string DisplayName, MembershipState State,
    string? Fingerprint = null, DateTimeOffset? ActivatedAt = null, Guid? ApprovedBy = null);
