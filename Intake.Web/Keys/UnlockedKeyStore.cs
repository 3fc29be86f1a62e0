using Intake.Crypto.Age;
using Intake.Web.Keys.Sessions;
using Intake.Web.Storage;

namespace Intake.Web.Keys;

/// <summary>
/// The signed-in staff sessions' unlocked keys, usable by every application node: the personal identity is sealed
/// in the session's database row under the secret in the person's cookie (<see cref="StaffSession"/>), and each node
/// keeps the keyrings it has opened in memory (<see cref="OpenedKeyrings"/>). Every request reads the row, so a
/// sign-out, an expiry or a revocation on any node ends the session everywhere, and channel key versions added to
/// a live session (<see cref="ShareAsync"/>) are unlocked by whichever node serves its next request.
/// </summary>
public sealed class UnlockedKeyStore(IntakeDbContext db, StaffSessions sessions, OpenedKeyrings opened)
{
    /// <summary>Stores the session and returns the secret for its cookie; the store owns the keyring from then on.</summary>
    public async Task<string> OpenAsync(UnlockedKeyring keyring, TimeSpan idleTimeout, TimeSpan absoluteTimeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyring);
        var (secret, rowId) = await sessions.CreateAsync(
            StaffSessionKind.SignedIn, keyring.UserId, new SessionSecrets(keyring.Personal.ExportSecretKey()), idleTimeout, absoluteTimeout, cancellationToken);
        keyring.SessionId = rowId;
        opened.Put(rowId, keyring, keysVersion: 0);
        return secret;
    }

    /// <summary>The session's keyring (refreshing its idle timer), or null when there is no such live session.</summary>
    public async Task<UnlockedKeyring?> GetAsync(string? secret, CancellationToken cancellationToken = default)
    {
        var row = await sessions.FindLiveAsync(secret, StaffSessionKind.SignedIn, cancellationToken);
        if (row is null)
        {
            if (SessionSeal.RowId(secret) is { } gone)
            {
                opened.Remove(gone);
            }

            return null;
        }

        var keyring = opened.Get(row.Id, row.KeysVersion, out var stale);
        if (keyring is not null)
        {
            if (stale)
            {
                await KeyringUnlock.AddMissingAsync(db, keyring, cancellationToken);
                opened.Refreshed(row.Id, row.KeysVersion);
            }

            return keyring;
        }

        if (StaffSessions.Open(secret!, row) is not { } secrets)
        {
            return null;
        }

        var personal = AgeKeys.ParseIdentity(secrets.Personal);
        keyring = new UnlockedKeyring(row.UserId, personal) { SessionId = row.Id };
        await KeyringUnlock.AddMissingAsync(db, keyring, cancellationToken);
        opened.Put(row.Id, keyring, row.KeysVersion);
        return keyring;
    }

    public async Task CloseAsync(string? secret, CancellationToken cancellationToken = default)
    {
        if (SessionSeal.RowId(secret) is { } rowId)
        {
            await sessions.DeleteAsync(rowId, cancellationToken);
            opened.Remove(rowId);
        }
    }

    /// <summary>Ends every session of one user, on every node (after a reset, a revocation or a passphrase change).</summary>
    public async Task CloseAllForAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await sessions.DeleteForUserAsync(userId, keep: null, cancellationToken);
        opened.RemoveUser(userId);
    }

    /// <summary>Ends every session of the keyring's user except the keyring's own.</summary>
    public async Task CloseOthersOfAsync(UnlockedKeyring keep, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keep);
        await sessions.DeleteForUserAsync(keep.UserId, keep.SessionId, cancellationToken);
        opened.RemoveUser(keep.UserId, keep.SessionId);
    }

    /// <summary>The live keyrings of one user this node holds (for the administrator-holds-no-key checks).</summary>
    public async Task<IReadOnlyList<UnlockedKeyring>> SessionsOfAsync(Guid userId, CancellationToken cancellationToken = default) =>
        opened.Of(await sessions.LiveIdsOfAsync(userId, cancellationToken));

    /// <summary>How many signed-in sessions of the user are live, on every node.</summary>
    public async Task<int> CountOfAsync(Guid userId, CancellationToken cancellationToken = default) =>
        (await sessions.LiveIdsOfAsync(userId, cancellationToken)).Count;

    /// <summary>Tells the live sessions of <paramref name="userIds"/> that they may unlock key versions added for them.</summary>
    public Task ShareAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default) =>
        sessions.RaiseKeysVersionAsync(userIds, cancellationToken);
}
