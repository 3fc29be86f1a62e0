namespace Intake.Web.Pages.Staff.SignIn;

/// <summary>The short-lived cookie naming a sign-in between passphrase and code (a random id, nothing else).</summary>
internal static class PendingCookie
{
    public const string Name = "intake.pending";

    public static void Set(HttpContext context, string pendingId) =>
        context.Response.Cookies.Append(Name, pendingId, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            IsEssential = true,
            MaxAge = TimeSpan.FromMinutes(5),
            Path = "/",
        });

    public static string? Get(HttpContext context) => context.Request.Cookies[Name];

    public static void Clear(HttpContext context) => context.Response.Cookies.Delete(Name, new CookieOptions { Path = "/" });
}
