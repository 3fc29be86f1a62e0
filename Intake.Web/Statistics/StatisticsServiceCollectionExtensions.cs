namespace Intake.Web.Statistics;

public static class StatisticsServiceCollectionExtensions
{
    /// <summary>The statistics pages: options under <c>Intake:Statistics</c>, the source and the report builder.</summary>
    public static IServiceCollection AddIntakeStatistics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StatisticsOptions>()
            .Bind(configuration.GetSection(StatisticsOptions.SectionName))
            .Validate(o => o.MinimumCell >= 2 && o.HandlingHorizonMonths >= 1 && o.MaxPeriods >= 1, "Intake:Statistics needs MinimumCell >= 2, HandlingHorizonMonths >= 1 and MaxPeriods >= 1.")
            .ValidateOnStart();
        services.AddScoped<StatisticsSource>();
        services.AddScoped<StatisticsReports>();
        return services;
    }
}
