using Intake.Web.Accounts;
using Intake.Web.Security;

namespace Intake.Web.Pages.Staff.SignIn;

/// <summary>
/// The long-lived cookie by which an account recognises a browser it has signed in from (a random value per
/// account; the server keeps only its hash). Not readable by script, sent only to this site, Secure over HTTPS.
/// </summary>
internal static class DeviceCookie
{
    public static string? Get(HttpContext context, Guid userId) => context.Request.Cookies[KnownDevices.CookieNameFor(userId)];

    public static void Set(HttpContext context, Guid userId, string token) =>
        StrictCookie.Append(context, KnownDevices.CookieNameFor(userId), token, KnownDevices.Lifetime);
}
