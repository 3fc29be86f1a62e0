using Intake.Web.Security;

namespace Intake.Web.Pages.Staff.SignIn;

/// <summary>The short-lived cookie naming a sign-in between passphrase and code (a random id, nothing else).</summary>
internal static class PendingCookie
{
    public const string Name = "intake.pending";

    public static void Set(HttpContext context, string pendingId) =>
        StrictCookie.Append(context, Name, pendingId, TimeSpan.FromMinutes(5));

    public static string? Get(HttpContext context) => context.Request.Cookies[Name];

    public static void Clear(HttpContext context) => StrictCookie.Delete(context, Name);
}
