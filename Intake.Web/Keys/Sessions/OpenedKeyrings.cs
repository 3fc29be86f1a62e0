using System.Collections.Concurrent;

namespace Intake.Web.Keys.Sessions;

/// <summary>
/// This node's memory of the keyrings it has opened, by session row, so that a request does not unwrap every channel
/// key again: only a cache. The database row decides whether a session lives (<see cref="UnlockedKeyStore"/> reads it
/// at every request), so an entry whose row is gone is never used, and is wiped at the next request or sweep.
/// </summary>
public sealed class OpenedKeyrings(TimeProvider clock) : IDisposable
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public UnlockedKeyring? Get(string rowId, int keysVersion, out bool stale)
    {
        stale = false;
        if (!_entries.TryGetValue(rowId, out var entry))
        {
            return null;
        }

        entry.LastUsed = clock.GetUtcNow();
        stale = entry.KeysVersion != keysVersion;
        return entry.Keyring;
    }

    public void Put(string rowId, UnlockedKeyring keyring, int keysVersion)
    {
        ArgumentNullException.ThrowIfNull(keyring);
        var entry = new Entry(keyring) { KeysVersion = keysVersion, LastUsed = clock.GetUtcNow() };
        _entries.AddOrUpdate(rowId, entry, (_, old) =>
        {
            if (!ReferenceEquals(old.Keyring, keyring))
            {
                old.Keyring.Dispose();
            }

            return entry;
        });
    }

    /// <summary>Marks an entry current again after the keys added to its session were unlocked.</summary>
    public void Refreshed(string rowId, int keysVersion)
    {
        if (_entries.TryGetValue(rowId, out var entry))
        {
            entry.KeysVersion = keysVersion;
        }
    }

    public void Remove(string rowId)
    {
        if (_entries.TryRemove(rowId, out var entry))
        {
            entry.Keyring.Dispose();
        }
    }

    /// <summary>Wipes the keyrings of <paramref name="userId"/> except the one of row <paramref name="keep"/>.</summary>
    public void RemoveUser(Guid userId, string? keep = null)
    {
        foreach (var pair in _entries.Where(p => p.Value.Keyring.UserId == userId && p.Key != keep).ToList())
        {
            Remove(pair.Key);
        }
    }

    public IReadOnlyList<UnlockedKeyring> Of(IEnumerable<string> rowIds) =>
        [.. rowIds.Select(id => _entries.TryGetValue(id, out var entry) ? entry.Keyring : null).OfType<UnlockedKeyring>()];

    /// <summary>Wipes entries unused for <paramref name="unused"/> (their session has expired by then).</summary>
    public int Sweep(TimeSpan unused)
    {
        var before = clock.GetUtcNow() - unused;
        var stale = _entries.Where(p => p.Value.LastUsed < before).Select(p => p.Key).ToList();
        foreach (var rowId in stale)
        {
            Remove(rowId);
        }

        return stale.Count;
    }

    public void Dispose()
    {
        foreach (var rowId in _entries.Keys.ToList())
        {
            Remove(rowId);
        }
    }

    private sealed class Entry(UnlockedKeyring keyring)
    {
        public UnlockedKeyring Keyring { get; } = keyring;

        public int KeysVersion { get; set; }

        public DateTimeOffset LastUsed { get; set; }
    }
}
