using System.Security.Cryptography;
using System.Text;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Accounts;

/// <summary>What a sign-in's device cookie said: the value to set (again), and whether the browser was new to the account.</summary>
/// <param name="Token">The cookie's value from now on: the one presented when it was known, else a new random one.</param>
/// <param name="IsNew">The browser had not signed in to this account before.</param>
/// <param name="IsFirst">The account had no known browser at all: its activation (or the first sign-in after a reset).</param>
public sealed record DeviceRecognition(string Token, bool IsNew, bool IsFirst)
{
    /// <summary>A new browser on an account that already has others: the owner gets a security notice.</summary>
    public bool Warn => IsNew && !IsFirst;
}

/// <summary>
/// The browsers each account has signed in from, recognised by a random value in a long-lived cookie of their own
/// per account. The server keeps only a hash of that value bound to the account, never an IP address or a user
/// agent. An unknown or missing value is replaced by a new random one (a value planted in the browser by someone
/// else is never adopted). Changes are added to the context unsaved: the sign-in's audit entry commits them.
/// </summary>
public sealed class KnownDevices(IntakeDbContext db, TimeProvider clock)
{
    /// <summary>How long a browser keeps the cookie after its last sign-in; a row unused for longer is dropped.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    /// <summary>The most browsers remembered per account; the least recently used go first.</summary>
    public const int MaxPerAccount = 20;

    private const int TokenBytes = 32;

    /// <summary>The cookie's name for an account: a short hash of its id, so the name does not show the id.</summary>
    public static string CookieNameFor(Guid userId) =>
        "intake.device." + Convert.ToHexStringLower(SHA256.HashData(userId.ToByteArray()))[..16];

    public async Task<DeviceRecognition> RecogniseAsync(Guid userId, string? presented, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var devices = await db.KnownDevices.Where(d => d.StaffUserId == userId).ToListAsync(cancellationToken);
        var known = IsWellFormed(presented) ? devices.FirstOrDefault(d => CryptographicOperations.FixedTimeEquals(d.TokenHash, Hash(userId, presented!))) : null;
        var expired = devices.Where(d => now - d.LastSignInAtMs > (long)Lifetime.TotalMilliseconds && d != known).ToList();
        db.KnownDevices.RemoveRange(expired);
        var kept = devices.Except(expired).ToList();
        if (known is not null)
        {
            known.LastSignInAtMs = now;
            return new DeviceRecognition(presented!, IsNew: false, IsFirst: false);
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(TokenBytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        db.KnownDevices.RemoveRange(kept.OrderByDescending(d => d.LastSignInAtMs).Skip(MaxPerAccount - 1));
        db.KnownDevices.Add(new AccountDevice
        {
            Id = Guid.NewGuid(),
            StaffUserId = userId,
            TokenHash = Hash(userId, token),
            FirstSignInAtMs = now,
            LastSignInAtMs = now,
        });
        return new DeviceRecognition(token, IsNew: true, IsFirst: kept.Count == 0);
    }

    /// <summary>Forgets every browser of an account (an administrator's reset): its next sign-in is a fresh start.</summary>
    public async Task ForgetAllAsync(Guid userId, CancellationToken cancellationToken = default) =>
        db.KnownDevices.RemoveRange(await db.KnownDevices.Where(d => d.StaffUserId == userId).ToListAsync(cancellationToken));

    private static bool IsWellFormed(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static byte[] Hash(Guid userId, string token)
    {
        var bytes = new byte[16 + Encoding.ASCII.GetByteCount(token)];
        userId.TryWriteBytes(bytes);
        Encoding.ASCII.GetBytes(token, bytes.AsSpan(16));
        return SHA256.HashData(bytes);
    }
}
