namespace Intake.Web.Security;

/// <summary>
/// Sets the security headers on every response, static files and error pages included. The policy allows
/// nothing from another host: every script, style, image and font is served by Intake itself, and no inline
/// script or style is allowed. Pages that hold case or mailbox content must never be cached, so dynamic
/// responses are <c>no-store</c>; static assets keep their own caching.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    internal const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; " +
        "connect-src 'self'; worker-src 'self'; manifest-src 'self'; media-src 'none'; object-src 'none'; " +
        "frame-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    internal const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), " +
        "magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), usb=(), " +
        "browsing-topics=()";

    /// <summary>
    /// The staff pages (under <c>/Staff</c>, in any language) may use passkeys in their own document, never in a frame of another
    /// origin; every other page, the reporter's above all, keeps WebAuthn off.
    /// </summary>
    internal const string StaffPermissionsPolicy =
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), " +
        "magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(self), " +
        "publickey-credentials-create=(self), usb=(), browsing-topics=()";

    // Two years, the preload list's minimum, without preload: that is a decision for the operator.
    internal const string StrictTransportSecurity = "max-age=63072000; includeSubDomains";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(static state =>
        {
            var ctx = (HttpContext)state;
            var headers = ctx.Response.Headers;
            headers.ContentSecurityPolicy = ctx.Items[ContentSecurityPolicyItemKey] as string ?? ContentSecurityPolicy;
            headers["Referrer-Policy"] = "no-referrer";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Permissions-Policy"] = IsStaffPage(ctx.Request) ? StaffPermissionsPolicy : PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            headers["X-Robots-Tag"] = "noindex, nofollow";
            headers.Remove("Server");
            headers.Remove("X-Powered-By");
            if (ctx.Request.IsHttps)
            {
                headers.StrictTransportSecurity = StrictTransportSecurity;
            }

            if (!IsStaticAsset(ctx))
            {
                headers.CacheControl = "no-store, max-age=0";
                headers.Pragma = "no-cache";
            }

            return Task.CompletedTask;
        }, context);
        return next(context);
    }

    /// <summary>Set by the static file middleware on the responses it serves.</summary>
    internal const string StaticAssetItemKey = "Intake.StaticAsset";

    /// <summary>A stricter policy for one response (the logo), set by the endpoint that serves it.</summary>
    internal const string ContentSecurityPolicyItemKey = "Intake.ContentSecurityPolicy";

    private static bool IsStaticAsset(HttpContext context) => context.Items.ContainsKey(StaticAssetItemKey);

    private static bool IsStaffPage(HttpRequest request) =>
        request.Path.StartsWithSegments("/Staff", StringComparison.OrdinalIgnoreCase)
        || (request.Path.Value is { } path && path.Length > 3 && path[0] == '/' && path[3] == '/'
            && path.AsSpan(3).StartsWith("/Staff", StringComparison.OrdinalIgnoreCase));
}
