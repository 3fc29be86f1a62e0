using Intake.Web.Security;

namespace Intake.Web.Organisation;

/// <summary>
/// Serves the logo at <c>/logo/{version}</c>. The address changes with every upload, so the image may be cached
/// for long. An SVG is served under a policy that allows no script, no fetch and no navigation, in case a browser
/// is sent to the address itself rather than shown it as an image.
/// </summary>
public static class LogoEndpoint
{
    public static IEndpointRouteBuilder MapOrganisationLogo(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/logo/{version:guid}", async (Guid version, HttpContext context, OrganisationLogos logos) =>
        {
            var logo = await logos.FindAsync(version, context.RequestAborted);
            if (logo is null)
            {
                return Results.NotFound();
            }

            context.Items[SecurityHeadersMiddleware.ContentSecurityPolicyItemKey] = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
            context.Items[SecurityHeadersMiddleware.StaticAssetItemKey] = true;
            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.Bytes(logo.Content, logo.ContentType);
        }).AllowAnonymous();
        return endpoints;
    }
}
