using Intake.Web.Reporting.Uploads;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Intake.Web.Health;

/// <summary>
/// Degraded before new files are refused: when the stored files near their quota or the disk nears the space it
/// must keep free (docs/availability.md). Never unhealthy: reports without files are still taken.
/// </summary>
public sealed class StorageHealthCheck(StorageGuard guard) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(guard.IsNearlyFull ? HealthCheckResult.Degraded("Attachment storage nearly full") : HealthCheckResult.Healthy());
}
