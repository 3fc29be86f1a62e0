namespace Intake.Web.Cases;

public static class RetentionServiceCollectionExtensions
{
    /// <summary>Disposal of closed cases (the daily job), legal holds and the registry export mark, exports and print.</summary>
    public static IServiceCollection AddIntakeRetention(this IServiceCollection services)
    {
        services.AddScoped<CaseDisposal>();
        services.AddScoped<CaseRetention>();
        services.AddScoped<CaseExport>();
        services.AddScoped<CasePrintReader>();
        services.AddScoped<Pdf.CasePdfExport>();
        services.AddScoped<ChannelIdentityExport>();
        services.AddSingleton<CaseDisposalJob>();
        services.AddHostedService(provider => provider.GetRequiredService<CaseDisposalJob>());
        return services;
    }
}
