using Intake.Web.Keys;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Intake.Web.Accounts;

/// <summary>
/// What the administrator's confirmation pages and a member's grant form show about one person: the account's
/// state (activated when, created or reset recently, its personal-key fingerprint) and the channels a change
/// would touch. No key material beyond the public recipient's fingerprint.
/// </summary>
public sealed class AccountReview(IntakeDbContext db, MembershipImpact impact, TimeProvider clock, IOptions<AccountOptions> options)
{
    public async Task<AccountFacts?> ForAsync(Guid userId, Guid? onlyChannel = null, CancellationToken cancellationToken = default)
    {
        var user = await db.StaffUsers.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var recent = user.IssuedOn.AddDays(options.Value.RecentDays) > today;
        return new AccountFacts(
            user,
            user.IsActivated ? KeyFingerprint.Of(user.Recipient) : null,
            recent,
            await impact.OfAsync(userId, onlyChannel, cancellationToken));
    }
}

/// <param name="Fingerprint">The personal key's fingerprint once the owner activated the account; null before.</param>
/// <param name="IssuedRecently">Created or reset within <see cref="AccountOptions.RecentDays"/>.</param>
public sealed record AccountFacts(StaffUser User, string? Fingerprint, bool IssuedRecently, IReadOnlyList<ChannelImpact> Channels)
{
    public bool LeavesAChannelEmpty => Channels.Any(c => c.LeavesChannelEmpty);
}
