using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Statistics;

public static class StatisticsServiceCollectionExtensions
{
    /// <summary>The statistics pages: options under <c>Intake:Statistics</c>, the source and the report builder.</summary>
    public static IServiceCollection AddIntakeStatistics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StatisticsOptions>()
            .Bind(configuration.GetSection(StatisticsOptions.SectionName))
            .Validate(o => o.MinimumCell >= 2 && o.HandlingHorizonMonths >= 1 && o.MaxPeriods >= 1 && o.CacheMinutes >= 0, "Intake:Statistics needs MinimumCell >= 2, HandlingHorizonMonths >= 1 and MaxPeriods >= 1, CacheMinutes >= 0.")
            .ValidateOnStart();
        services.AddSingleton<StatisticsCache>();
        services.AddSingleton<StatisticsCacheInvalidation>();
        services.ConfigureDbContext<Storage.IntakeDbContext>((provider, db) => db.AddInterceptors(provider.GetRequiredService<StatisticsCacheInvalidation>()));
        services.AddScoped<StatisticsSource>();
        services.AddScoped<StatisticsReports>();
        return services;
    }
}
