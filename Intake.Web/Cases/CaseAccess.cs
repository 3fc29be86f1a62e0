using Intake.Web.Accounts;
using Intake.Web.Keys;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Cases;

/// <summary>
/// The one gate to a case for staff: a case exists for a handler only when they are an active member of its
/// channel and hold its key in their session. Anyone else, administrators included, gets null, which pages turn
/// into 404 so that a case number or id reveals nothing by URL.
/// </summary>
public sealed class CaseAccess(IntakeDbContext db)
{
    /// <summary>The channels whose cases the signed-in handler may list and open.</summary>
    public async Task<IReadOnlyList<Guid>> ChannelsOfAsync(HttpContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var keyring = context.Keyring();
        var userId = context.User.UserId();
        if (keyring is null || userId is null || !context.User.IsInRole(nameof(StaffRole.Handler)))
        {
            return [];
        }

        var active = await db.ChannelMemberships.AsNoTracking()
            .Where(m => m.UserId == userId && m.State == MembershipState.Active)
            .Select(m => m.ChannelId)
            .ToListAsync(cancellationToken);
        return active.Where(keyring.HoldsChannel).ToList();
    }

    /// <summary>The case, tracked, when the signed-in handler may open it; otherwise null.</summary>
    public async Task<CaseRecord?> FindAsync(HttpContext context, Guid caseId, CancellationToken cancellationToken = default)
    {
        var channels = await ChannelsOfAsync(context, cancellationToken);
        if (channels.Count == 0)
        {
            return null;
        }

        return await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId && channels.Contains(c.ChannelId), cancellationToken);
    }
}
