using Intake.Web.Health;
using Intake.Web.Localization;
using Intake.Web.Logging;
using Intake.Web.Mailbox;
using Intake.Web.Monitoring;
using Intake.Web.Organisation;
using Intake.Web.Security;

namespace Intake.Web.Hosting;

public static class IntakePipeline
{
    public static WebApplication UseIntakePipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<OnionLocationMiddleware>();
        app.UseIntakeMetricsEndpoint();
        app.UseMiddleware<RequestLoggingMiddleware>();
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/Error");
        }

        app.UseStatusCodePagesWithReExecute("/Error/{0}");
        app.UseMiddleware<LanguagePrefixMiddleware>();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file =>
            {
                file.Context.Items[SecurityHeadersMiddleware.StaticAssetItemKey] = true;
                file.Context.Response.Headers.CacheControl = "public, max-age=3600";
            },
        });
        app.UseRouting();
        app.UseMiddleware<MatchedRouteRecorder>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapIntakeHealthChecks();
        app.MapRazorPages();
        app.MapOrganisationLogo();
        app.MapMailboxApi();
        return app;
    }
}
