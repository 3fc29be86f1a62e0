namespace Intake.Web.Security;

/// <summary>
/// The one way Intake sets its own short cookies (mailbox session, receipt, pending sign-in and set-up): not
/// readable by script, sent only to this site, Secure over HTTPS, for the whole site. None of them tracks anyone,
/// so they are essential and need no consent.
/// </summary>
public static class StrictCookie
{
    /// <param name="maxAge">How long the browser keeps it; null for a cookie that ends with the browser session.</param>
    public static void Append(HttpContext context, string name, string value, TimeSpan? maxAge = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Append(name, value, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            IsEssential = true,
            Path = "/",
            MaxAge = maxAge,
        });
    }

    public static void Delete(HttpContext context, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(name, new CookieOptions { Path = "/" });
    }
}
