using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Cases;

/// <summary>
/// Gives a new thread entry the next position of its case, atomically. The unique index on (case, position) is the
/// arbiter: the position is read as one more than the highest, the save is tried, and when another request took
/// that position first (two follow-ups or replies at once) the position is read again and the save retried. This
/// works the same on SQLite and PostgreSQL and needs no lock held across requests.
/// </summary>
public static class CaseEntryPositions
{
    private const int MaxAttempts = 20;

    /// <summary>Adds <paramref name="entry"/> with the next position and saves everything the context tracks.</summary>
    public static Task AddAndSaveAsync(IntakeDbContext db, CaseEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entry);
        db.CaseEntries.Add(entry);
        return SaveAsync(db, entry, db.SaveChangesAsync, beforeRetry: null, cancellationToken);
    }

    /// <summary>
    /// Gives <paramref name="entry"/>, already added to <paramref name="db"/>, the next position of its case and runs
    /// <paramref name="save"/>; when the position was taken meanwhile, runs <paramref name="beforeRetry"/> (to undo
    /// what the failed save added of its own) and tries again with the position read anew.
    /// </summary>
    public static async Task SaveAsync(
        IntakeDbContext db, CaseEntry entry, Func<CancellationToken, Task> save, Action? beforeRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(save);
        for (var attempt = 1; ; attempt++)
        {
            entry.Position = (await db.CaseEntries.AsNoTracking().Where(e => e.CaseId == entry.CaseId)
                .MaxAsync(e => (int?)e.Position, cancellationToken) ?? 0) + 1;
            try
            {
                await save(cancellationToken);
                return;
            }
            catch (DbUpdateException ex) when (attempt < MaxAttempts && StorageErrors.IsUniqueViolation(ex))
            {
                // Taken meanwhile: read the highest position again, after a short random pause.
                beforeRetry?.Invoke();
                await Task.Delay(Random.Shared.Next(1, 5 * attempt), cancellationToken);
            }
        }
    }
}
