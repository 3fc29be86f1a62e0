using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Intake.Web.Health;

public static class HealthEndpoints
{
    public static IServiceCollection AddIntakeHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database").AddCheck<StorageHealthCheck>("storage");
        return services;
    }

    /// <summary>
    /// <c>/healthz</c>: 200 "Healthy" when the database is reachable, 200 "Degraded" when attachment storage nears its
    /// quota or the disk its reserve, 503 "Unhealthy" when the database is not reachable.
    /// </summary>
    public static IEndpointRouteBuilder MapIntakeHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        return endpoints;
    }
}
