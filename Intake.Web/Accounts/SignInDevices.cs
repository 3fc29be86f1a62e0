using System.Buffers.Binary;
using System.Security.Cryptography;
using Intake.Web.Security;
using Microsoft.AspNetCore.DataProtection;

namespace Intake.Web.Accounts;

/// <summary>
/// A browser a staff member signed in from before (docs/availability.md, "Sign-in"). After a complete sign-in the
/// browser gets a device cookie: a random device id and the user's id, encrypted and authenticated with Data
/// Protection, so it cannot be read, made or altered outside the server. It carries no address, no user agent and
/// nothing about the browser; the server keeps nothing about it. It gives the user's sign-ins from that browser a
/// reserved lane for the passphrase work and a lock-out of their own, so nobody can lock a user out of a device
/// they never used. Which devices an account has used is kept by <see cref="KnownDevices"/> as hashes, for the
/// new-device notice.
/// </summary>
public sealed class SignInDevices(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string CookieName = "intake.device";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);

    private const int DeviceIdBytes = 16;
    private const int PayloadBytes = DeviceIdBytes + 16 + 8;

    /// <summary>The device this request comes from, if its cookie is one the server issued and still valid.</summary>
    public KnownDevice? Recognise(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var value = context.Request.Cookies[CookieName];
        if (string.IsNullOrEmpty(value) || value.Length > 512)
        {
            return null;
        }

        try
        {
            var payload = Protector().Unprotect(Convert.FromBase64String(value));
            if (payload.Length != PayloadBytes)
            {
                return null;
            }

            var issued = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(DeviceIdBytes + 16)));
            if (clock.GetUtcNow() - issued > Lifetime)
            {
                return null;
            }

            return new KnownDevice(Convert.ToHexString(payload, 0, DeviceIdBytes), new Guid(payload.AsSpan(DeviceIdBytes, 16)));
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            return null;
        }
    }

    /// <summary>A new random device id, for a browser that has none of the user signing in.</summary>
    public static string NewDeviceId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(DeviceIdBytes));

    /// <summary>
    /// After a complete sign-in: sets (or renews) the browser's cookie with <paramref name="deviceId"/>, the id of a
    /// known device of this user or a new one from <see cref="NewDeviceId"/>.
    /// </summary>
    public void Remember(HttpContext context, Guid userId, string deviceId)
    {
        ArgumentNullException.ThrowIfNull(context);
        var payload = new byte[PayloadBytes];
        Convert.FromHexString(deviceId).CopyTo(payload, 0);

        userId.TryWriteBytes(payload.AsSpan(DeviceIdBytes, 16));
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(DeviceIdBytes + 16), clock.GetUtcNow().ToUnixTimeSeconds());
        StrictCookie.Append(context, CookieName, Convert.ToBase64String(Protector().Protect(payload)), Lifetime);
    }

    private IDataProtector Protector() => protection.CreateProtector("Intake.SignIn.Device");
}

/// <summary>A browser that completed a sign-in of <see cref="UserId"/> before; <see cref="DeviceId"/> is random.</summary>
public sealed record KnownDevice(string DeviceId, Guid UserId);

/// <summary>
/// The two lanes passphrase work runs in: one reserved for sign-ins from a known device of the user signing in,
/// one shared by everything else, so a flood of sign-ins with made-up names cannot keep a handler out. While a
/// known device's sign-in waits or runs, the shared lane starts no new work (for at most
/// <see cref="MaxYield"/>), so the two do not split the processor between them.
/// </summary>
public sealed class SignInLanes(PassphraseWorkLimiter shared, PassphraseWorkLimiter reserved) : IDisposable
{
    public static readonly TimeSpan MaxYield = TimeSpan.FromSeconds(10);

    private int _known;

    public PassphraseWorkLimiter Shared { get; } = shared;

    public PassphraseWorkLimiter Reserved { get; } = reserved;

    /// <summary>Runs passphrase work in the lane of a known device or the shared one.</summary>
    public async Task<(bool Ran, T? Result)> RunAsync<T>(bool knownDevice, Func<T> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!knownDevice)
        {
            return await Shared.TryRunAsync(() =>
            {
                var until = DateTime.UtcNow + MaxYield;
                while (Volatile.Read(ref _known) > 0 && DateTime.UtcNow < until)
                {
                    Thread.Sleep(20);
                }

                return work();
            }, cancellationToken);
        }

        Interlocked.Increment(ref _known);
        try
        {
            return await Reserved.TryRunAsync(work, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _known);
        }
    }

    public void Dispose()
    {
        Shared.Dispose();
        Reserved.Dispose();
    }
}
