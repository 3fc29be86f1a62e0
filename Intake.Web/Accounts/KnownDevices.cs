using System.Security.Cryptography;
using System.Text;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Accounts;

/// <summary>What a sign-in's device said: the device id to remember, and whether the browser was new to the account.</summary>
/// <param name="DeviceId">The device id the browser's <c>intake.device</c> cookie carries from now on.</param>
/// <param name="IsNew">The browser had not signed in to this account before.</param>
/// <param name="IsFirst">The account had no known browser at all: its activation (or the first sign-in after a reset).</param>
public sealed record DeviceRecognition(string DeviceId, bool IsNew, bool IsFirst)
{
    /// <summary>A new browser on an account that already has others: the owner gets a security notice.</summary>
    public bool Warn => IsNew && !IsFirst;
}

/// <summary>
/// The browsers each account has signed in from. A browser is known by the random device id in its
/// <c>intake.device</c> cookie (<see cref="SignInDevices"/>: encrypted and authenticated by the server, so it cannot
/// be made or planted for another account); the server keeps only a hash of that id bound to the account, never an
/// IP address or a user agent. A browser without a device id of this account gets a new random one. Changes are
/// added to the context unsaved: the sign-in's audit entry commits them.
/// </summary>
public sealed class KnownDevices(IntakeDbContext db, TimeProvider clock)
{
    /// <summary>A row unused for longer than the device cookie lives is dropped.</summary>
    public static readonly TimeSpan Lifetime = SignInDevices.Lifetime;

    /// <summary>The most browsers remembered per account; the least recently used go first.</summary>
    public const int MaxPerAccount = 20;

    /// <param name="deviceId">The device id of the browser's device cookie when it is this account's, else null.</param>
    public async Task<DeviceRecognition> RecogniseAsync(Guid userId, string? deviceId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var devices = await db.KnownDevices.Where(d => d.StaffUserId == userId).ToListAsync(cancellationToken);
        var known = deviceId is null ? null : devices.FirstOrDefault(d => CryptographicOperations.FixedTimeEquals(d.TokenHash, Hash(userId, deviceId)));
        var expired = devices.Where(d => now - d.LastSignInAtMs > (long)Lifetime.TotalMilliseconds && d != known).ToList();
        db.KnownDevices.RemoveRange(expired);
        var kept = devices.Except(expired).ToList();
        if (known is not null)
        {
            known.LastSignInAtMs = now;
            return new DeviceRecognition(deviceId!, IsNew: false, IsFirst: false);
        }

        var id = deviceId ?? SignInDevices.NewDeviceId();
        db.KnownDevices.RemoveRange(kept.OrderByDescending(d => d.LastSignInAtMs).Skip(MaxPerAccount - 1));
        db.KnownDevices.Add(new AccountDevice
        {
            Id = Guid.NewGuid(),
            StaffUserId = userId,
            TokenHash = Hash(userId, id),
            FirstSignInAtMs = now,
            LastSignInAtMs = now,
        });
        return new DeviceRecognition(id, IsNew: true, IsFirst: kept.Count == 0);
    }

    /// <summary>Forgets every browser of an account (an administrator's reset): its next sign-in is a fresh start.</summary>
    public async Task ForgetAllAsync(Guid userId, CancellationToken cancellationToken = default) =>
        db.KnownDevices.RemoveRange(await db.KnownDevices.Where(d => d.StaffUserId == userId).ToListAsync(cancellationToken));

    private static byte[] Hash(Guid userId, string deviceId)
    {
        var bytes = new byte[16 + Encoding.ASCII.GetByteCount(deviceId)];
        userId.TryWriteBytes(bytes);
        Encoding.ASCII.GetBytes(deviceId, bytes.AsSpan(16));
        return SHA256.HashData(bytes);
    }
}
