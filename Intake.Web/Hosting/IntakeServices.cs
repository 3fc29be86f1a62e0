using Intake.Web.Accounts;
using Intake.Web.Cases;
using Intake.Web.Health;
using Intake.Web.Logging;
using Intake.Web.Monitoring;
using Intake.Web.Notifications;
using Intake.Web.Reporting;
using Intake.Web.Secrets;
using Intake.Web.Statistics;
using Intake.Web.Storage;
using Intake.Web.Storage.Engines;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;

namespace Intake.Web.Hosting;

/// <summary>Everything the application registers, in one place, so that Program.cs reads as a table of contents.</summary>
public static class IntakeServices
{
    public const string ApplicationName = "Intake";

    public static DataDirectory AddIntake(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Configuration.GetSection(IntakeOptions.SectionName).Get<IntakeOptions>() ?? new IntakeOptions();
        var dataDirectory = new DataDirectory(options.DataDirectory, options.FilesDirectory);
        dataDirectory.EnsureCreated();

        builder.Services.Configure<IntakeOptions>(builder.Configuration.GetSection(IntakeOptions.SectionName));
        builder.Services.AddSingleton(dataDirectory);
        builder.AddIntakeLogging(dataDirectory);

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        // Behind a reverse proxy only the scheme is taken from it (for HSTS and Secure cookies), and only from
        // loopback or the proxies named in Intake:TrustedProxies.
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded => TrustedProxies.Configure(forwarded, options.TrustedProxies));

        // The key that authenticates the audit log and encrypts the key ring lives outside the data directory.
        var instanceKey = InstanceKey.Load(builder.Configuration, dataDirectory);
        builder.Services.AddSingleton(instanceKey);
        builder.Services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeyRing(builder.Configuration, dataDirectory)
            .ProtectKeyRing(builder.Configuration, instanceKey);

        builder.Services.AddIntakeStorage(builder.Configuration, dataDirectory, options);
        builder.Services.AddIntakeHealthChecks();
        builder.Services.AddIntakeAccounts(builder.Configuration);
        builder.Services.AddIntakeReporting(builder.Configuration);
        builder.Services.AddIntakeRetention();
        builder.Services.Configure<Backups.BackupOptions>(builder.Configuration.GetSection(Backups.BackupOptions.SectionName));
        builder.Services.AddScoped<Backups.BackupArchive>();
        builder.Services.AddSingleton<Backups.LastBackup>();
        builder.Services.AddIntakeMonitoring(builder.Configuration);
        builder.Services.AddIntakeCaseHandling();
        builder.Services.AddIntakeNotifications(builder.Configuration);
        builder.Services.AddIntakeStatistics(builder.Configuration);
        builder.Services.AddIntakeStaffAuthentication();

        builder.Services.AddLocalization(localization => localization.ResourcesPath = "Resources");
        builder.Services.AddRazorPages(pages =>
            {
                pages.Conventions.AuthorizeFolder("/Staff", StaffAuthentication.StaffPolicy);
                pages.Conventions.AllowAnonymousToFolder("/Staff/SignIn");
                pages.Conventions.AuthorizeFolder("/Staff/Admin", StaffAuthentication.AdministratorPolicy);
                pages.Conventions.AuthorizeFolder("/Staff/Channels", StaffAuthentication.HandlerPolicy);
                pages.Conventions.AuthorizeFolder("/Staff/Cases", StaffAuthentication.HandlerPolicy);
                pages.Conventions.AuthorizePage("/Staff/Audit", StaffAuthentication.ChannelStaffPolicy);
                pages.Conventions.AuthorizePage("/Staff/Recovery", StaffAuthentication.HandlerPolicy);
                pages.Conventions.AuthorizePage("/Staff/Keys", StaffAuthentication.HandlerPolicy);
                pages.Conventions.AuthorizeFolder("/Staff/Statistics", StaffAuthentication.StatisticsPolicy);
            })
            // Prose partials are found by culture suffix: _Landing.fi.cshtml, then _Landing.cshtml.
            .AddViewLocalization(Microsoft.AspNetCore.Mvc.Razor.LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization(annotations =>
                annotations.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "intake.af";
            antiforgery.Cookie.HttpOnly = true;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return dataDirectory;
    }
}
