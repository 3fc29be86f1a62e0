using Intake.Web.Reporting.Uploads;

namespace Intake.Web.Reporting;

public static class ReportingServiceCollectionExtensions
{
    public static IServiceCollection AddIntakeReporting(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<UploadOptions>(configuration.GetSection(UploadOptions.SectionName));
        services.AddScoped<MultipartUploadReader>();
        services.Configure<Admission.AdmissionOptions>(configuration.GetSection(Admission.AdmissionOptions.SectionName));
        services.AddSingleton<Admission.FormStamps>();
        services.AddSingleton<Admission.SubmissionGate>();
        services.AddSingleton<StorageGuard>();
        services.AddHostedService<AttachmentSweepJob>();
        services.AddScoped<ReportSubmission>();
        services.AddScoped<ReportIntake>();
        services.AddScoped<TypedAnswers>();
        services.AddSingleton<BrowserSealedFields>();
        services.AddSingleton<ReceiptTicket>();
        services.AddSingleton<Mailbox.MailboxSession>();
        services.AddSingleton<Mailbox.MailboxAttempts>();
        services.AddSingleton<Mailbox.MailboxChallenge>();
        services.AddScoped<Mailbox.MailboxService>();
        services.AddScoped<Mailbox.SealedMailbox>();
        services.Configure<Cases.CaseOptions>(configuration.GetSection(Cases.CaseOptions.SectionName));
        services.AddSingleton<Cases.CaseCalendar>();
        services.AddSingleton<Cases.CaseDeadlines>();
        services.AddScoped<Cases.CaseAccess>();
        services.AddScoped<Cases.CaseMessages>();
        services.AddScoped<Cases.InboxQuery>();
        return services;
    }
}
