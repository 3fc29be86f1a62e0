using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Storage;

/// <summary>This application process among the nodes sharing a database: a random name, new at every start.</summary>
public sealed class NodeIdentity
{
    public string Name { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}

/// <summary>
/// Runs a job on one node at a time: a node takes the job's lease with one conditional update (only when no lease
/// is live and the job is due), so however many nodes try, one wins; the winner marks the run complete. When the
/// winner dies, its lease runs out and another node takes the job at its next try.
/// </summary>
public sealed class JobLeases(IntakeDbContext db, NodeIdentity node, TimeProvider clock)
{
    /// <summary>
    /// Takes <paramref name="job"/>'s lease for <paramref name="lease"/> when it last completed at least
    /// <paramref name="interval"/> ago (or never) and nobody holds a live lease; false otherwise.
    /// </summary>
    public async Task<bool> TryStartAsync(string job, TimeSpan interval, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(job);
        await EnsureRowAsync(job, cancellationToken);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var dueBefore = now - (long)interval.TotalMilliseconds;
        var until = now + (long)lease.TotalMilliseconds;
        var me = node.Name;
        var taken = await db.JobRuns
            .Where(j => j.Name == job && j.LeasedUntil <= now && j.LastCompleted <= dueBefore)
            .ExecuteUpdateAsync(j => j.SetProperty(x => x.Holder, me).SetProperty(x => x.LeasedUntil, until), cancellationToken);
        return taken == 1;
    }

    /// <summary>
    /// Runs <paramref name="run"/> when this node takes <paramref name="job"/>'s lease (<see cref="TryStartAsync"/>):
    /// marks the run complete when it succeeds, gives the lease up when it throws (and rethrows). True when it ran here.
    /// </summary>
    public async Task<bool> RunIfDueAsync(
        string job, TimeSpan interval, TimeSpan lease, Func<CancellationToken, Task> run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!await TryStartAsync(job, interval, lease, cancellationToken))
        {
            return false;
        }

        try
        {
            await run(cancellationToken);
        }
        catch
        {
            await ReleaseAsync(job, CancellationToken.None);
            throw;
        }

        await CompleteAsync(job, cancellationToken);
        return true;
    }

    /// <summary>Marks the run this node holds complete and gives the lease up.</summary>
    public async Task CompleteAsync(string job, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var me = node.Name;
        await db.JobRuns
            .Where(j => j.Name == job && j.Holder == me)
            .ExecuteUpdateAsync(j => j.SetProperty(x => x.LastCompleted, now).SetProperty(x => x.LeasedUntil, 0L).SetProperty(x => x.Holder, (string?)null), cancellationToken);
    }

    /// <summary>Gives the lease up without marking the run complete (it failed): any node may try again.</summary>
    public async Task ReleaseAsync(string job, CancellationToken cancellationToken = default)
    {
        var me = node.Name;
        await db.JobRuns
            .Where(j => j.Name == job && j.Holder == me)
            .ExecuteUpdateAsync(j => j.SetProperty(x => x.LeasedUntil, 0L).SetProperty(x => x.Holder, (string?)null), cancellationToken);
    }

    private async Task EnsureRowAsync(string job, CancellationToken cancellationToken)
    {
        if (await db.JobRuns.AsNoTracking().AnyAsync(j => j.Name == job, cancellationToken))
        {
            return;
        }

        var row = db.JobRuns.Add(new JobRun { Name = job });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (StorageErrors.IsUniqueViolation(ex))
        {
            // Another node added it first.
        }
        finally
        {
            row.State = EntityState.Detached;
        }
    }
}
