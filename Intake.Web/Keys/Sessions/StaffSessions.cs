using System.Security.Cryptography;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Keys.Sessions;

/// <summary>
/// The <see cref="StaffSession"/> rows: created sealed under a new cookie secret, found by that secret while live,
/// resealed, and deleted at sign-out, expiry or revocation. Every node reads the same rows, so a person's requests
/// may reach any node.
/// </summary>
public sealed class StaffSessions(IntakeDbContext db, TimeProvider clock)
{
    /// <summary>How stale the last-seen time may get before a request writes it again (it bounds idle-time precision).</summary>
    public static readonly TimeSpan TouchInterval = TimeSpan.FromSeconds(30);

    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Stores <paramref name="secrets"/> sealed under a new cookie secret, which is returned.</summary>
    public async Task<(string Secret, string RowId)> CreateAsync(
        StaffSessionKind kind, Guid userId, SessionSecrets secrets, TimeSpan idle, TimeSpan absolute, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var secret = SessionSeal.NewSecret();
        var rowId = SessionSeal.RowId(secret)!;
        var now = Now;
        var plaintext = secrets.ToBytes();
        try
        {
            var row = new StaffSession
            {
                Id = rowId,
                Kind = kind,
                UserId = userId,
                Sealed = SessionSeal.Seal(secret, rowId, plaintext),
                LastSeen = now,
                IdleMilliseconds = (long)idle.TotalMilliseconds,
                ExpiresAt = now + (long)absolute.TotalMilliseconds,
            };
            db.StaffSessions.Add(row);
            await db.SaveChangesAsync(cancellationToken);
            db.Entry(row).State = EntityState.Detached;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }

        return (secret, rowId);
    }

    /// <summary>
    /// The live row of <paramref name="kind"/> the secret belongs to, its last-seen time refreshed; null (and an
    /// expired row deleted) otherwise.
    /// </summary>
    public async Task<StaffSession?> FindLiveAsync(string? secret, StaffSessionKind kind, CancellationToken cancellationToken)
    {
        if (SessionSeal.RowId(secret) is not { } rowId)
        {
            return null;
        }

        var row = await db.StaffSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == rowId && s.Kind == kind, cancellationToken);
        var now = Now;
        if (row is null)
        {
            return null;
        }

        if (row.IsExpired(now))
        {
            await db.StaffSessions.Where(s => s.Id == rowId).ExecuteDeleteAsync(cancellationToken);
            return null;
        }

        if (now - row.LastSeen >= TouchInterval.TotalMilliseconds)
        {
            var seen = row.LastSeen;
            await db.StaffSessions.Where(s => s.Id == rowId && s.LastSeen == seen)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeen, now), cancellationToken);
            row.LastSeen = now;
        }

        return row;
    }

    /// <summary>The row's secrets, or null when the secret does not open them.</summary>
    public static SessionSecrets? Open(string secret, StaffSession row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return SessionSeal.Open(secret, row.Id, row.Sealed) is { } plaintext ? SessionSecrets.FromBytes(plaintext) : null;
    }

    public async Task ResealAsync(string secret, string rowId, SessionSecrets secrets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var plaintext = secrets.ToBytes();
        try
        {
            var sealedBytes = SessionSeal.Seal(secret, rowId, plaintext);
            await db.StaffSessions.Where(s => s.Id == rowId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Sealed, sealedBytes), cancellationToken);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>Counts a wrong second-factor code; returns the attempts so far (0 when the row is gone).</summary>
    public async Task<int> RecordCodeFailureAsync(string rowId, CancellationToken cancellationToken)
    {
        await db.StaffSessions.Where(s => s.Id == rowId).ExecuteUpdateAsync(s => s.SetProperty(x => x.CodeAttempts, x => x.CodeAttempts + 1), cancellationToken);
        return await db.StaffSessions.AsNoTracking().Where(s => s.Id == rowId).Select(s => s.CodeAttempts).SingleOrDefaultAsync(cancellationToken);
    }

    public Task<int> DeleteAsync(string rowId, CancellationToken cancellationToken) =>
        db.StaffSessions.Where(s => s.Id == rowId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Deletes every session of a user (of every kind), except the row <paramref name="keep"/>.</summary>
    public Task<int> DeleteForUserAsync(Guid userId, string? keep, CancellationToken cancellationToken) =>
        db.StaffSessions.Where(s => s.UserId == userId && s.Id != keep).ExecuteDeleteAsync(cancellationToken);

    /// <summary>The ids of a user's live signed-in sessions.</summary>
    public async Task<IReadOnlyList<string>> LiveIdsOfAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = Now;
        var rows = await db.StaffSessions.AsNoTracking().Where(s => s.UserId == userId && s.Kind == StaffSessionKind.SignedIn).ToListAsync(cancellationToken);
        return [.. rows.Where(r => !r.IsExpired(now)).Select(r => r.Id)];
    }

    /// <summary>Tells the live sessions of <paramref name="userIds"/> that key versions were added for them.</summary>
    public Task<int> RaiseKeysVersionAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken) =>
        db.StaffSessions.Where(s => s.Kind == StaffSessionKind.SignedIn && userIds.Contains(s.UserId))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.KeysVersion, x => x.KeysVersion + 1), cancellationToken);

    /// <summary>Deletes expired rows (any node may: deleting twice is harmless).</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        return await db.StaffSessions.Where(s => now >= s.ExpiresAt || now - s.LastSeen >= s.IdleMilliseconds).ExecuteDeleteAsync(cancellationToken);
    }
}
