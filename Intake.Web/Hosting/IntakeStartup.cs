using Intake.Web.Accounts;
using Intake.Web.Organisation;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Hosting;

/// <summary>What runs once before the server takes requests.</summary>
public static class IntakeStartup
{
    /// <summary>
    /// Migrates the database and, while the instance is not set up, issues the one-time set-up code and prints it
    /// to the console. It is written with Console directly, never through the logger, so it reaches no log file.
    /// </summary>
    public static async Task PrepareAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Intake.Startup");
        Secrets.KeyRingProtection.WarnAboutUnprotectedKeys(app.Services.GetRequiredService<DataDirectory>(), logger);
        if (app.Services.GetRequiredService<Secrets.InstanceKey>().ReadableByOthers)
        {
            logger.LogWarning("The instance key file can be read by other users: make it readable by the service account only (chmod 600).");
        }

        await DatabaseInitializer.InitializeAsync(app.Services, cancellationToken);
        await Reporting.Uploads.AttachmentSweeper.SweepAsync(app.Services, cancellationToken);
        app.Services.GetRequiredService<DecoySealedIdentity>().Prepare();
        await using var scope = app.Services.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().AuditEntries.AnyAsync(e => e.Mac == null, cancellationToken))
        {
            logger.LogWarning("The audit log holds entries without a MAC, written before the audit key: run 'audit seal-legacy' once to authenticate them. Until then 'audit verify' reports the chain broken.");
        }

        if (!await scope.ServiceProvider.GetRequiredService<SetupService>().IsSetUpAsync(cancellationToken))
        {
            var code = app.Services.GetRequiredService<SetupCode>().Issue();
            await Console.Out.WriteLineAsync(
                $"{Environment.NewLine}Intake is not set up yet. Open /setup in a browser and enter this one-time set-up code:" +
                $"{Environment.NewLine}{Environment.NewLine}    {code}{Environment.NewLine}{Environment.NewLine}" +
                "Or run: dotnet run --project Intake.Web -- setup --from FILE.json" + Environment.NewLine);
        }
    }
}
