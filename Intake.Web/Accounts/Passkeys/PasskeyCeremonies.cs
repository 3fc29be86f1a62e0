using System.Security.Cryptography;
using System.Text.Json;
using Intake.Web.Storage.Limits;

namespace Intake.Web.Accounts.Passkeys;

/// <summary>What a passkey ceremony is for: its challenge answers only that.</summary>
public enum PasskeyCeremonyKind
{
    Registration,
    SignIn,
    SecondFactor,
}

/// <summary>
/// Passkey ceremonies between the options the server sent and the browser's answer: the options (with their
/// random challenges) wait in the <see cref="SharedLimits"/> for five minutes at most, under a random id, and are
/// taken once. A ceremony one application node began is finished by whichever node the answer reaches. Ceremonies
/// are begun from one budget of <see cref="MaxOpen"/>, refilled as fast as ceremonies expire, so a flood of requests
/// keeps about that many open at once, in memory or in the database.
/// </summary>
public sealed class PasskeyCeremonies(SharedLimits limits, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public const int MaxOpen = 10_000;

    private const string OpenedBucket = "passkey-ceremonies/opened";

    private static readonly BucketSize _opened = new(MaxOpen, (int)(MaxOpen * (TimeSpan.FromHours(1) / Lifetime)));

    /// <summary>Keeps the ceremony under a new id; null while too many were begun (the answer is "busy, wait").</summary>
    public async Task<string?> OpenAsync(PasskeyCeremony ceremony, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ceremony);
        if (!await limits.TryTakeAsync(OpenedBucket, _opened, cancellationToken))
        {
            return null;
        }

        var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        var expires = clock.GetUtcNow() + Lifetime;
        await limits.KeepAsync(KeyOf(id), JsonSerializer.Serialize(ceremony with { Expires = expires }), expires, cancellationToken);
        return id;
    }

    /// <summary>Takes the ceremony (it cannot be answered twice); null when unknown, expired or of another kind or user.</summary>
    public async Task<PasskeyCeremony?> TakeAsync(string? id, PasskeyCeremonyKind kind, Guid? userId = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 64 || await limits.TakeAsync(KeyOf(id), cancellationToken) is not { } kept)
        {
            return null;
        }

        var ceremony = JsonSerializer.Deserialize<PasskeyCeremony>(kept);
        return ceremony is not null && ceremony.Kind == kind && ceremony.UserId == userId && clock.GetUtcNow() < ceremony.Expires ? ceremony : null;
    }

    private static string KeyOf(string id) => "passkey-ceremony\n" + id;
}

/// <param name="Kind">What the ceremony is for.</param>
/// <param name="UserId">The signed-in user (registration) or the user of the pending sign-in (second factor).</param>
/// <param name="OptionsJson">The options sent to the browser, as the library serialises them.</param>
/// <param name="AssertionJson">For a registration: the options of the assertion that asks the new passkey for its PRF output.</param>
public sealed record PasskeyCeremony(PasskeyCeremonyKind Kind, Guid? UserId, string OptionsJson, string? AssertionJson = null, string? Name = null)
{
    public DateTimeOffset Expires { get; init; }
}
