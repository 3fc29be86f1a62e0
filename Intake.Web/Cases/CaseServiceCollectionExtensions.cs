namespace Intake.Web.Cases;

public static class CaseServiceCollectionExtensions
{
    /// <summary>The services behind the case page and the registration of reports on a reporter's behalf.</summary>
    public static IServiceCollection AddIntakeCaseHandling(this IServiceCollection services)
    {
        services.AddScoped<CaseSchedule>();
        services.AddScoped<CaseThread>();
        services.AddScoped<CaseReader>();
        services.AddScoped<CaseViewAudit>();
        services.AddScoped<CaseWorkflow>();
        services.AddScoped<CaseTriage>();
        services.AddScoped<CaseMeasures>();
        services.AddScoped<CaseStatutoryReports>();
        services.AddScoped<CaseStatutoryReceipts>();
        services.AddScoped<CaseUrgency>();
        services.AddScoped<CaseUnitChange>();
        services.AddScoped<Pages.Staff.Cases.ThreatPanels>();
        services.AddScoped<Pages.Staff.Cases.StatusChange>();
        services.AddScoped<Pages.Staff.Cases.CaseFactsChange>();
        services.AddScoped<Pages.Staff.Cases.CasePageContent>();
        services.AddScoped<Pages.Staff.Cases.ReplyReadyTexts>();
        services.AddScoped<Drafts.CaseDrafts>();
        services.AddScoped<Pages.Staff.Cases.WriteForms>();
        services.AddScoped<CaseReplies>();
        services.AddScoped<CaseRegistration>();
        services.AddScoped<CaseUploads>();
        services.AddSingleton<CaseReplyTemplates>();
        return services;
    }
}
