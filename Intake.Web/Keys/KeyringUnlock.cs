using Intake.Crypto.Age;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Keys;

/// <summary>Unlocks the channel key versions a person holds a wrap of, in the channels they are an active member of.</summary>
public static class KeyringUnlock
{
    public static async Task<UnlockedKeyring> UnlockAsync(IntakeDbContext db, Guid userId, IKeyIdentity personal, CancellationToken cancellationToken)
    {
        var keyring = new UnlockedKeyring(userId, personal);
        await AddAsync(db, keyring, strict: true, cancellationToken);
        return keyring;
    }

    /// <summary>
    /// Adds the versions the keyring does not hold yet (made after it was opened). A wrap its personal identity does
    /// not open (a personal key replaced since) is left: that session gets it at its next sign-in.
    /// </summary>
    public static Task AddMissingAsync(IntakeDbContext db, UnlockedKeyring keyring, CancellationToken cancellationToken) =>
        AddAsync(db, keyring, strict: false, cancellationToken);

    private static async Task AddAsync(IntakeDbContext db, UnlockedKeyring keyring, bool strict, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(keyring);
        var userId = keyring.UserId;
        var activeChannels = await db.ChannelMemberships.AsNoTracking()
            .Where(m => m.UserId == userId && m.State == MembershipState.Active)
            .Select(m => m.ChannelId).ToListAsync(cancellationToken);
        var wraps = await (from w in db.ChannelKeyWraps.AsNoTracking()
                           join k in db.ChannelKeys.AsNoTracking() on w.ChannelKeyId equals k.Id
                           where w.UserId == userId && activeChannels.Contains(k.ChannelId)
                           select new { w.WrappedIdentity, k.Id, k.ChannelId, k.Version }).ToListAsync(cancellationToken);
        foreach (var wrap in wraps.Where(w => keyring.Find(w.Id) is null))
        {
            try
            {
                keyring.Add(new UnlockedChannelKey(wrap.Id, wrap.ChannelId, wrap.Version, KeyWrapping.Unwrap(wrap.WrappedIdentity, keyring.Personal)));
            }
            catch (AgeException) when (!strict)
            {
                // A wrap to a personal key replaced since.
            }
        }
    }
}
