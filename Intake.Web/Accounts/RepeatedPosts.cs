using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Intake.Web.Accounts;

/// <summary>
/// Makes a second post of the same slow form harmless (a double click, or a click again while the first is still
/// working). Each such form carries a random one-time token (<see cref="FieldName"/>); a post whose token and inputs
/// match an earlier post of the last <see cref="Window"/> waits for that post's work and gets its outcome, instead
/// of doing the work again (a second passphrase derivation, a one-time code refused as used, a second account
/// refused as taken while the first account's activation code is lost with the discarded answer).
/// <para>
/// The work runs without the request's cancellation: a browser drops the first request when the second is sent, and
/// the first's outcome must still be there for the second. Entries are keyed by an HMAC of the token and the inputs
/// under a key made at start, so nothing typed is kept, and a post with the same token but other inputs (another
/// username, another code) is new work. Outcomes stay in memory only, for the window, at most
/// <see cref="MaxEntries"/> at once; above that every post is simply done.
/// </para>
/// </summary>
public sealed class RepeatedPosts(TimeProvider clock)
{
    /// <summary>The hidden field a form sends its token in.</summary>
    public const string FieldName = "formOnce";

    public const int MaxEntries = 10_000;

    /// <summary>How long an outcome is given again.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    /// <summary>A fresh token for a form being shown.</summary>
    public static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// <summary>
    /// Runs <paramref name="work"/> once for this token and these inputs; a repeat within the window gets the same
    /// result (or the same exception). Without a well-formed token the work simply runs.
    /// </summary>
    public async Task<T> RunOnceAsync<T>(string? token, IEnumerable<string?> inputs, Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(work);
        if (token is not { Length: 32 } || !token.All(char.IsAsciiHexDigitUpper))
        {
            return await work();
        }

        var now = clock.GetUtcNow();
        Prune(now);
        var key = KeyOf(token, inputs);
        if (!_entries.TryGetValue(key, out var entry))
        {
            if (_entries.Count >= MaxEntries)
            {
                return await work();
            }

            entry = _entries.GetOrAdd(key, _ => new Entry(now, new Lazy<Task<object?>>(async () => await work())));
        }

        return (T)(await entry.Outcome.Value)!;
    }

    private string KeyOf(string token, IEnumerable<string?> inputs)
    {
        var text = new StringBuilder(token);
        foreach (var input in inputs)
        {
            // Length-prefixed, so that no two different lists of inputs give the same text.
            text.Append('\u001f').Append(input?.Length ?? -1).Append(':').Append(input);
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        try
        {
            return Convert.ToHexString(HMACSHA256.HashData(_key, bytes));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
        {
            if (now - entry.Started > Window)
            {
                _entries.TryRemove(key, out _);
            }
        }
    }

    private sealed record Entry(DateTimeOffset Started, Lazy<Task<object?>> Outcome);
}
