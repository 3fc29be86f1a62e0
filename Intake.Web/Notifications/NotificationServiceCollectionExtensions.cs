using Intake.Web.Audit;

namespace Intake.Web.Notifications;

public static class NotificationServiceCollectionExtensions
{
    /// <summary>Mail settings, the outbox and its sender, reminders and the daily digest.</summary>
    public static IServiceCollection AddIntakeNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.SectionName));
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.SectionName));
        services.AddSingleton<MailTemplates>();
        services.AddSingleton<MailComposer>();
        services.AddScoped<SmtpMailer>();
        services.AddScoped<NoticeOutbox>();
        services.AddScoped<OutboxSender>();
        services.AddScoped<NoticeScan>();
        services.AddScoped<NotificationSettings>();
        services.AddScoped<TestMail>();
        services.AddScoped<OutboxOverview>();
        services.AddScoped<IAuditFollower, AuditedEventNotices>();
        services.AddScoped<IReminderSource, CaseDeadlineReminders>();
        services.AddScoped<IReminderSource, ThreatDeadlineReminders>();
        services.AddSingleton<NotificationJob>();
        services.AddHostedService(provider => provider.GetRequiredService<NotificationJob>());
        return services;
    }
}
