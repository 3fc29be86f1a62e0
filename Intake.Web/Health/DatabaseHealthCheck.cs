using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Intake.Web.Health;

/// <summary>
/// Healthy when the database answers a query against the migrated schema, not merely when a file can be
/// opened: SQLite creates an empty file on open, which would hide a lost or replaced database.
/// </summary>
public sealed class DatabaseHealthCheck(IntakeDbContext db, Storage.Engines.StorageEngine engine) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var ready = await db.Instance.AsNoTracking().AnyAsync(cancellationToken);
            return ready ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Database not initialised");
        }
        catch (Exception ex) when (engine.IsUnreachable(ex))
        {
            return HealthCheckResult.Unhealthy("Database unreachable");
        }
    }
}
