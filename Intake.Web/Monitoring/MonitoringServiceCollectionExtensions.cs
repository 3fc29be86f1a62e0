using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Intake.Web.Monitoring;

public static class MonitoringServiceCollectionExtensions
{
    /// <summary>The meter, its gauges' snapshot and the Prometheus exporter (docs/operations.md, "Monitoring").</summary>
    public static IServiceCollection AddIntakeMonitoring(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MetricsOptions>(configuration.GetSection(MetricsOptions.SectionName));
        services.AddSingleton<MetricsSnapshot>();
        services.AddSingleton<IntakeMetrics>();
        services.AddHostedService<MetricsSnapshotJob>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(IntakeMetrics.MeterName).AddPrometheusExporter());
        return services;
    }

    /// <summary>Answers <c>/metrics</c> to whom <see cref="MetricsAccess"/> allows; everyone else gets a 404 from routing.</summary>
    public static IApplicationBuilder UseIntakeMetricsEndpoint(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.ApplicationServices.GetRequiredService<IOptions<MetricsOptions>>().Value;
        // The meter is created with the first request so that its gauges exist before the first scrape.
        app.ApplicationServices.GetRequiredService<IntakeMetrics>();
        return app.UseOpenTelemetryPrometheusScrapingEndpoint(context => MetricsAccess.Allowed(context, options));
    }
}
