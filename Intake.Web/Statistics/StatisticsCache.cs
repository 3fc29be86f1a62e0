using System.Collections.Concurrent;
using Intake.Web.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Intake.Web.Statistics;

/// <summary>
/// Published blocks kept in memory: a block depends only on its channel's cases of that year, the first month not
/// yet published and the settings, so it is reused until a case changes in this process (the interceptor below
/// clears everything), the month turns (part of the key) or <see cref="StatisticsOptions.CacheMinutes"/> pass (for
/// changes made by another process on the same database). A block is a whole publication decided at once, so a
/// reused one is exactly what a fresh computation at that time gave: caching changes speed, never protection.
/// </summary>
public sealed class StatisticsCache(TimeProvider clock)
{
    private readonly ConcurrentDictionary<BlockKey, (StatisticsBlock Block, DateTimeOffset Made)> _blocks = new();

    public StatisticsBlock? Find(BlockKey key, TimeSpan maxAge) =>
        _blocks.TryGetValue(key, out var entry) && clock.GetUtcNow() - entry.Made < maxAge ? entry.Block : null;

    public void Keep(BlockKey key, StatisticsBlock block) => _blocks[key] = (block, clock.GetUtcNow());

    public void Clear() => _blocks.Clear();
}

/// <summary>What a block depends on besides its cases: the settings and the administrator's list of units ('|'-joined codes).</summary>
public readonly record struct BlockKey(
    Guid ChannelId, int Year, DateOnly FirstUnpublished, int MinimumCell, int HorizonMonths, int AcknowledgementDays, int FeedbackMonths,
    int InjuryReportWorkingDays, string Units);

/// <summary>Clears the statistics cache whenever this process saves a change to a case or its measures.</summary>
public sealed class StatisticsCacheInvalidation(StatisticsCache cache) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ClearIfCasesChange(eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ClearIfCasesChange(eventData);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ClearIfCasesChange(eventData);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ClearIfCasesChange(eventData);
        return ValueTask.FromResult(result);
    }

    // Cleared before the save (so no request started after it sees the old block) and again after it (so a
    // request that rebuilt a block from the old rows in between does not keep it).
    private void ClearIfCasesChange(DbContextEventData eventData)
    {
        static bool Changed(EntityState state) => state is EntityState.Added or EntityState.Modified or EntityState.Deleted;
        if (eventData.Context?.ChangeTracker.Entries<CaseRecord>().Any(e => Changed(e.State)) == true
            || eventData.Context?.ChangeTracker.Entries<CaseMeasure>().Any(e => Changed(e.State)) == true)
        {
            cache.Clear();
        }
    }
}
