using Intake.Web.Storage.Limits;

namespace Intake.Web.Accounts;

/// <summary>
/// Exponential back-off after failed sign-ins, counted per username and device: a known device of the user (its
/// device cookie, <see cref="SignInDevices"/>) has a count of its own, and every other browser shares the
/// username's count for unknown devices. So failures typed anywhere else can never lock a user out of a device
/// they signed in from before. Kept in the <see cref="SharedLimits"/>, so a count made on one application node holds
/// on every other, under a keyed hash of the typed username (and device): unknown usernames are throttled exactly
/// like real ones (the answer never tells which exists) and the usernames themselves are not kept. After three
/// failures each further failure doubles the wait, from 2 seconds up to 15 minutes; a success clears it, and the
/// count is forgotten a day after its last wait ended.
/// </summary>
public sealed class SignInThrottle(SharedLimits limits, TimeProvider clock)
{
    private const int FreeAttempts = 3;
    private static readonly TimeSpan _maximumDelay = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan _forgetAfter = TimeSpan.FromDays(1);

    /// <summary>How long the account must wait before another attempt is even checked; zero if it may go.</summary>
    public async Task<TimeSpan> RetryAfterAsync(string username, string? deviceId = null, CancellationToken cancellationToken = default)
    {
        var wait = await limits.BlockedUntilAsync(KeyOf(username, deviceId), cancellationToken) - clock.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    public Task RecordFailureAsync(string username, string? deviceId = null, CancellationToken cancellationToken = default) =>
        limits.RecordFailureAsync(KeyOf(username, deviceId), DelayAfter, _forgetAfter, cancellationToken).AsTask();

    public Task RecordSuccessAsync(string username, string? deviceId = null, CancellationToken cancellationToken = default) =>
        limits.ForgetFailuresAsync(KeyOf(username, deviceId), cancellationToken).AsTask();

    internal static TimeSpan DelayAfter(int failures)
    {
        if (failures < FreeAttempts)
        {
            return TimeSpan.Zero;
        }

        var seconds = Math.Pow(2, Math.Min(failures - FreeAttempts + 1, 20));
        var delay = TimeSpan.FromSeconds(seconds);
        return delay < _maximumDelay ? delay : _maximumDelay;
    }

    /// <summary>What the count is kept under (hashed by <see cref="SharedLimits"/> before it is kept anywhere).</summary>
    private static string KeyOf(string username, string? deviceId) =>
        "sign-in\n" + StaffUsernames.Normalize(username) + "\n" + (deviceId ?? string.Empty);
}
