using System.Collections.Concurrent;
using System.Security.Cryptography;

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
/// random challenges) wait here, in memory, for five minutes at most, under a random id, and are taken once.
/// </summary>
public sealed class PasskeyCeremonies(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>Past this many open ceremonies the oldest are dropped, so a flood of requests holds little memory.</summary>
    public const int MaxOpen = 10_000;

    private readonly ConcurrentDictionary<string, PasskeyCeremony> _open = new(StringComparer.Ordinal);

    public string Open(PasskeyCeremony ceremony)
    {
        ArgumentNullException.ThrowIfNull(ceremony);
        Sweep();
        var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        ceremony.Expires = clock.GetUtcNow() + Lifetime;
        _open[id] = ceremony;
        return id;
    }

    /// <summary>Takes the ceremony (it cannot be answered twice); null when unknown, expired or of another kind or user.</summary>
    public PasskeyCeremony? Take(string? id, PasskeyCeremonyKind kind, Guid? userId = null)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 64 || !_open.TryRemove(id, out var ceremony))
        {
            return null;
        }

        return ceremony.Kind == kind && ceremony.UserId == userId && clock.GetUtcNow() < ceremony.Expires ? ceremony : null;
    }

    private void Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var pair in _open.Where(p => now >= p.Value.Expires).ToList())
        {
            _open.TryRemove(pair.Key, out _);
        }

        if (_open.Count >= MaxOpen)
        {
            foreach (var pair in _open.OrderBy(p => p.Value.Expires).Take(_open.Count - MaxOpen + 1).ToList())
            {
                _open.TryRemove(pair.Key, out _);
            }
        }
    }
}

/// <param name="Kind">What the ceremony is for.</param>
/// <param name="UserId">The signed-in user (registration) or the user of the pending sign-in (second factor).</param>
/// <param name="OptionsJson">The options sent to the browser, as the library serialises them.</param>
/// <param name="AssertionJson">For a registration: the options of the assertion that asks the new passkey for its PRF output.</param>
public sealed record PasskeyCeremony(PasskeyCeremonyKind Kind, Guid? UserId, string OptionsJson, string? AssertionJson = null, string? Name = null)
{
    public DateTimeOffset Expires { get; set; }
}
