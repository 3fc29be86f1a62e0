using System.Globalization;
using System.Security.Cryptography;
using Intake.Web.Secrets;

namespace Intake.Web.Audit;

/// <summary>
/// The links of the audit chain. Each entry's <see cref="AuditEntry.Hash"/> is SHA-256 over the previous entry's
/// hash and its own fields (<see cref="AuditHash"/>); its <see cref="AuditEntry.Mac"/> is HMAC-SHA-256 over that
/// hash under a key derived from the instance key, which is held outside the data directory and the database.
/// Whoever can write the database can delete entries and recompute the hashes, but not the MACs, so a rewrite is
/// detected. Removing entries from the end leaves a valid shorter chain: that is what the head (the last MAC and
/// the count), anchored outside the database, is for.
/// </summary>
public sealed class AuditChain(InstanceKey instanceKey)
{
    // Label of the audit key under the instance key: no other use of the instance key yields it.
    private const string KeyLabel = "intake.audit/v1/hmac-sha256";

    private readonly byte[] _key = instanceKey.Derive(KeyLabel);

    /// <summary>The MAC of an entry already linked by SHA-256 alone (written before the chain had its key).</summary>
    internal void Authenticate(AuditEntry entry) => entry.Mac = HMACSHA256.HashData(_key, entry.Hash);

    /// <summary>Whether <paramref name="entry"/> carries the MAC of its hash under this instance's audit key.</summary>
    internal bool IsAuthentic(AuditEntry entry) =>
        entry.Mac is not null && CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(_key, entry.Hash), entry.Mac);

    /// <summary>Links <paramref name="entry"/> after the entry with <paramref name="previousSequence"/> and <paramref name="previousHash"/>.</summary>
    internal void Link(AuditEntry entry, long previousSequence, byte[] previousHash)
    {
        entry.Sequence = previousSequence + 1;
        entry.PreviousHash = previousHash;
        entry.Hash = AuditHash.Compute(entry, previousHash);
        entry.Mac = HMACSHA256.HashData(_key, entry.Hash);
    }

    /// <summary>
    /// Checks every entry in order: sequence, link, hash and MAC; an entry without a MAC fails too (entries from
    /// before the key are sealed once by the operator, <c>audit seal-legacy</c>). With <paramref name="expected"/>,
    /// the entry at the anchored count must exist and carry the anchored MAC: a truncated or replaced chain fails.
    /// </summary>
    public async Task<AuditVerification> VerifyAsync(IAsyncEnumerable<AuditEntry> entries, AuditHead? expected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var previous = AuditHash.Genesis;
        long count = 0;
        var expectedFound = false;
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            var at = count + 1;
            if (entry.Sequence != at)
            {
                return AuditVerification.Broken(count, at, "missing entry");
            }

            if (!CryptographicOperations.FixedTimeEquals(entry.PreviousHash, previous))
            {
                return AuditVerification.Broken(count, at, "previous hash does not match");
            }

            if (!CryptographicOperations.FixedTimeEquals(AuditHash.Compute(entry, previous), entry.Hash))
            {
                return AuditVerification.Broken(count, at, "entry was altered");
            }

            if (entry.Mac is null)
            {
                return AuditVerification.Broken(count, at, "entry is not authenticated");
            }

            if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(_key, entry.Hash), entry.Mac))
            {
                return AuditVerification.Broken(count, at, "authentication does not match (rewritten, or another audit key)");
            }

            if (expected is not null && at == expected.Count)
            {
                if (!CryptographicOperations.FixedTimeEquals(entry.Mac, expected.Value))
                {
                    return AuditVerification.Broken(count, at, "entry differs from the anchored head");
                }

                expectedFound = true;
            }

            previous = entry.Hash;
            count++;
        }

        if (expected is not null && !expectedFound)
        {
            return AuditVerification.Broken(count, count + 1,
                string.Create(CultureInfo.InvariantCulture, $"the chain ends at {count} entries, before the anchored head at {expected.Count}: entries were removed"));
        }

        return AuditVerification.Intact(count);
    }
}

/// <summary>The head of the chain: the last entry's authenticator and the number of entries, written <c>HEX:COUNT</c>.</summary>
public sealed record AuditHead(byte[] Value, long Count)
{
    public override string ToString() => Convert.ToHexStringLower(Value) + ":" + Count.ToString(CultureInfo.InvariantCulture);

    public static AuditHead? Parse(string text)
    {
        var parts = (text ?? string.Empty).Trim().Split(':');
        return parts.Length == 2 && parts[0].Length == 64 && parts[0].All(char.IsAsciiHexDigit)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0
            ? new AuditHead(Convert.FromHexString(parts[0]), count)
            : null;
    }
}

/// <summary>The outcome of a chain verification: intact with a count, or broken at a sequence number.</summary>
public sealed record AuditVerification(bool IsIntact, long VerifiedEntries, long? BrokenAt, string? Reason)
{
    public static AuditVerification Intact(long count) => new(true, count, null, null);

    public static AuditVerification Broken(long verified, long at, string reason) => new(false, verified, at, reason);
}
