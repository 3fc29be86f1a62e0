using Intake.Web.Storage;
using Intake.Web.Storage.Engines;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Audit;

/// <summary>
/// Something that acts on audited events in the same transaction as the entry (for example the security notices
/// a person is sent when their account changes): it adds to the context and must not save.
/// </summary>
public interface IAuditFollower
{
    Task FollowAsync(AuditEntry entry, CancellationToken cancellationToken);
}

/// <summary>
/// Records security events into the unit of work of the action they belong to. An entry is only recorded here;
/// <see cref="UnitOfWork.SaveAsync"/> links it into the chain and commits it together with the change it
/// describes, so the event and the change commit or fail together.
/// </summary>
public sealed class AuditLog(IntakeDbContext db, TimeProvider clock, AuditChain chain, IEnumerable<IAuditFollower> followers, StorageEngine engine)
{
    private readonly List<AuditEntry> _pending = [];

    internal AuditChain Chain => chain;

    /// <summary>Those who act on an entry in its transaction; <see cref="UnitOfWork"/> calls them as it links each.</summary>
    internal IEnumerable<IAuditFollower> Followers => followers;

    /// <summary>Adds an entry to the current unit of work; nothing is written until it is saved.</summary>
    public void Record(string kind, Guid? actorId = null, Guid? subjectId = null, Guid? channelId = null, string? detail = null)
    {
        _pending.Add(new AuditEntry
        {
            OccurredAt = AuditTime.Of(clock.GetUtcNow()),
            Kind = kind,
            ActorId = actorId,
            SubjectId = subjectId,
            ChannelId = channelId,
            Detail = detail,
        });
    }

    /// <summary>
    /// Records an event and saves it at once, as one unit of work with whatever the context holds (the change the
    /// event describes, if any): the event and the change commit or fail together.
    /// </summary>
    public async Task AppendAsync(
        string kind, Guid? actorId = null, Guid? subjectId = null, Guid? channelId = null, string? detail = null,
        CancellationToken cancellationToken = default)
    {
        Record(kind, actorId, subjectId, channelId, detail);
        await new UnitOfWork(db, this, engine).SaveAsync(cancellationToken);
    }

    /// <summary>The entries recorded since the last save, handed to the unit of work that links and saves them.</summary>
    internal List<AuditEntry> TakePending()
    {
        var taken = _pending.ToList();
        _pending.Clear();
        return taken;
    }

    /// <summary>The entries recorded since the last save, left in place.</summary>
    internal List<AuditEntry> PeekPending() => [.. _pending];

    /// <summary>Records again, unchanged, entries whose save failed and is to be retried (<see cref="UnitOfWork.SaveAsync(Cases.CaseEntry, CancellationToken)"/>).</summary>
    internal void Restore(IReadOnlyList<AuditEntry> entries)
    {
        _pending.Clear();
        _pending.AddRange(entries);
    }

    /// <summary>Recomputes the whole chain, checks every entry's authentication and, when given, the anchored head.</summary>
    public async Task<AuditVerification> VerifyAsync(AuditHead? expected = null, CancellationToken cancellationToken = default)
    {
        var entries = db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable();
        return await chain.VerifyAsync(entries, expected, cancellationToken);
    }

    /// <summary>
    /// Once, after upgrading from a version whose audit entries carried no MAC: checks the SHA-256 chain, adds the
    /// MAC of every entry written before the key and records that it did. Entries the upgraded service wrote since
    /// (sign-ins before the operator got to this) must already carry a valid MAC; the first of them pins the whole
    /// earlier chain through its previous hash. Refuses when an entry without a MAC follows one with a MAC (it was
    /// stripped, not old), when a MAC does not match, or when the chain is broken.
    /// </summary>
    public async Task<string> SealLegacyAsync(CancellationToken cancellationToken = default)
    {
        int sealedCount;
        await using (var held = await engine.SerializeAsync(db, Allocation.AuditChain, cancellationToken))
        {
            var entries = await db.AuditEntries.OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
            var legacy = entries.FindIndex(e => e.Mac is not null) is var keyed and >= 0 ? keyed : entries.Count;
            if (entries.TrueForAll(chain.IsAuthentic))
            {
                return "Nothing to seal: every entry is authenticated already.";
            }

            var refusal = LegacyRefusal(entries, legacy);
            if (refusal is not null)
            {
                return refusal;
            }

            foreach (var entry in entries.Take(legacy))
            {
                chain.Authenticate(entry);
            }

            await db.SaveChangesAsync(cancellationToken);
            await held.CommitAsync(cancellationToken);
            sealedCount = legacy;
        }

        Record(AuditKinds.AuditSealed, detail: "legacy=" + sealedCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await new UnitOfWork(db, this, engine).SaveAsync(cancellationToken);
        return $"Sealed {sealedCount} entries written before the audit key. Head: {await HeadAsync(cancellationToken)}";
    }

    private string? LegacyRefusal(List<AuditEntry> entries, int legacy)
    {
        var previous = AuditHash.Genesis;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (!System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(entry.PreviousHash, previous)
                || !System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(AuditHash.Compute(entry, previous), entry.Hash))
            {
                return $"Refused: the SHA-256 chain is broken at entry {entry.Sequence}; nothing was sealed.";
            }

            if (i >= legacy && !chain.IsAuthentic(entry))
            {
                return $"Refused: entry {entry.Sequence} comes after the first authenticated entry and has no valid MAC of its own (stripped or rewritten); nothing was sealed.";
            }

            previous = entry.Hash;
        }

        return null;
    }

    /// <summary>The head of the chain as it stands (the last entry's authenticator and the number of entries).</summary>
    public async Task<AuditHead?> HeadAsync(CancellationToken cancellationToken = default)
    {
        var last = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash, e.Mac }).FirstOrDefaultAsync(cancellationToken);
        return last?.Mac is null ? null : new AuditHead(last.Mac, last.Sequence);
    }
}
