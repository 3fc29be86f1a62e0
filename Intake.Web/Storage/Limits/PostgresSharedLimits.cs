using Intake.Web.Secrets;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Storage.Limits;

/// <summary>
/// The shared limits of every node over one PostgreSQL database: each operation is one statement on the
/// <c>SharedLimits</c> table (<see cref="SharedLimitEntry"/>), atomic on its own. A token is taken with an
/// <c>INSERT … ON CONFLICT … DO UPDATE … WHERE</c> that refills and takes in the row it locks, so of two nodes taking
/// the last token one gets it; a key is used once by the node whose insert wins. Each node sweeps expired rows every
/// <see cref="SweepInterval"/>, with the write that finds it due.
/// </summary>
public sealed class PostgresSharedLimits(IServiceScopeFactory scopes, InstanceKey instanceKey, TimeProvider clock) : SharedLimits(instanceKey, clock)
{
    public static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(10);

    private long _nextSweep;

    protected override async ValueTask<bool> TryTakeAsync(string id, BucketSize size, long now, CancellationToken cancellationToken)
    {
        var capacity = (double)size.Capacity;
        var perMillisecond = size.PerHour / TimeSpan.FromHours(1).TotalMilliseconds;
        var expires = now + Milliseconds(size.TimeToFill);
        var taken = await QueryAsync<int>(
            $"""
            INSERT INTO "SharedLimits" AS s ("Key", "Amount", "Moment", "ExpiresAt") VALUES ({id}, {capacity - 1}, {now}, {expires})
            ON CONFLICT ("Key") DO UPDATE SET
                "Amount" = LEAST({capacity}, s."Amount" + GREATEST(0, {now} - s."Moment") * {perMillisecond}) - 1,
                "Moment" = GREATEST(s."Moment", {now}), "ExpiresAt" = {expires}
            WHERE LEAST({capacity}, s."Amount" + GREATEST(0, {now} - s."Moment") * {perMillisecond}) >= 1
            RETURNING 1 AS "Value"
            """,
            now,
            cancellationToken);
        return taken.Count == 1;
    }

    protected override async ValueTask<double> TokensAsync(string id, BucketSize size, long now, CancellationToken cancellationToken)
    {
        var perMillisecond = size.PerHour / TimeSpan.FromHours(1).TotalMilliseconds;
        var tokens = await QueryAsync<double>(
            $"""
            SELECT LEAST({(double)size.Capacity}, "Amount" + GREATEST(0, {now} - "Moment") * {perMillisecond}) AS "Value"
            FROM "SharedLimits" WHERE "Key" = {id}
            """,
            sweepAt: null,
            cancellationToken);
        return tokens.Count == 1 ? tokens[0] : size.Capacity;
    }

    protected override async ValueTask RecordFailureAsync(string id, Func<int, TimeSpan> delayAfter, TimeSpan forgetAfter, long now, CancellationToken cancellationToken)
    {
        // Counted first, then blocked for what that count earns; of two failures at once, the later block stays.
        var counts = await QueryAsync<long>(
            $"""
            INSERT INTO "SharedLimits" AS s ("Key", "Amount", "Moment", "ExpiresAt") VALUES ({id}, 1, {now}, {now})
            ON CONFLICT ("Key") DO UPDATE SET
                "Amount" = CASE WHEN s."ExpiresAt" < {now} THEN 1 ELSE s."Amount" + 1 END,
                "Moment" = CASE WHEN s."ExpiresAt" < {now} THEN {now} ELSE s."Moment" END
            RETURNING CAST("Amount" AS bigint) AS "Value"
            """,
            now,
            cancellationToken);
        var until = now + Milliseconds(delayAfter((int)Math.Min(int.MaxValue, counts[0])));
        var forgetAt = until + Milliseconds(forgetAfter);
        await ExecuteAsync(
            $"""
            UPDATE "SharedLimits" SET "Moment" = GREATEST("Moment", {until}), "ExpiresAt" = GREATEST("ExpiresAt", {forgetAt})
            WHERE "Key" = {id}
            """,
            cancellationToken);
    }

    protected override async ValueTask<long?> BlockedUntilAsync(string id, long now, CancellationToken cancellationToken)
    {
        var until = await QueryAsync<long>(
            $"""SELECT "Moment" AS "Value" FROM "SharedLimits" WHERE "Key" = {id} AND "ExpiresAt" >= {now}""", sweepAt: null, cancellationToken);
        return until.Count == 1 ? until[0] : null;
    }

    protected override async ValueTask RemoveAsync(string id, CancellationToken cancellationToken) =>
        await ExecuteAsync($"""DELETE FROM "SharedLimits" WHERE "Key" = {id}""", cancellationToken);

    protected override async ValueTask<bool> TryUseOnceAsync(string id, long until, long now, CancellationToken cancellationToken)
    {
        // Used before: usable again only once that use has expired (the row is then taken over, by one node).
        var used = await QueryAsync<int>(
            $"""
            INSERT INTO "SharedLimits" AS s ("Key", "Amount", "Moment", "ExpiresAt") VALUES ({id}, 0, {now}, {until})
            ON CONFLICT ("Key") DO UPDATE SET "Moment" = {now}, "ExpiresAt" = {until}
            WHERE s."ExpiresAt" < {now}
            RETURNING 1 AS "Value"
            """,
            now,
            cancellationToken);
        return used.Count == 1;
    }

    protected override async ValueTask<bool> IsUsedAsync(string id, long now, CancellationToken cancellationToken)
    {
        var used = await QueryAsync<int>(
            $"""SELECT 1 AS "Value" FROM "SharedLimits" WHERE "Key" = {id} AND "ExpiresAt" >= {now}""", sweepAt: null, cancellationToken);
        return used.Count == 1;
    }

    protected override async ValueTask KeepAsync(string id, string value, long until, long now, CancellationToken cancellationToken) =>
        await QueryAsync<int>(
            $"""
            INSERT INTO "SharedLimits" AS s ("Key", "Amount", "Moment", "ExpiresAt", "Value") VALUES ({id}, 0, {now}, {until}, {value})
            ON CONFLICT ("Key") DO UPDATE SET "Moment" = {now}, "ExpiresAt" = {until}, "Value" = {value}
            RETURNING 1 AS "Value"
            """,
            now,
            cancellationToken);

    protected override async ValueTask<string?> TakeAsync(string id, long now, CancellationToken cancellationToken)
    {
        var taken = await QueryAsync<string?>(
            $"""DELETE FROM "SharedLimits" WHERE "Key" = {id} RETURNING CASE WHEN "ExpiresAt" > {now} THEN "Value" END AS "Value" """,
            sweepAt: null,
            cancellationToken);
        return taken.Count == 1 ? taken[0] : null;
    }

    /// <summary>Runs one statement that returns rows (never composed: EF Core sends it as written).</summary>
    private async Task<List<T>> QueryAsync<T>(FormattableString sql, long? sweepAt, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var rows = await db.Database.SqlQuery<T>(sql).ToListAsync(cancellationToken);
        if (sweepAt is { } now && now >= Interlocked.Read(ref _nextSweep))
        {
            Interlocked.Exchange(ref _nextSweep, now + Milliseconds(SweepInterval));
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "SharedLimits" WHERE "ExpiresAt" < {now}""", cancellationToken);
        }

        return rows;
    }

    private async Task ExecuteAsync(FormattableString sql, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Database.ExecuteSqlAsync(sql, cancellationToken);
    }
}
