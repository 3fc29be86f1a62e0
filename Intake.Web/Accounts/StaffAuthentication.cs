using System.Security.Claims;
using Intake.Web.Keys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Intake.Web.Accounts;

/// <summary>
/// The staff session cookie: HttpOnly, SameSite=Strict, Secure over HTTPS, encrypted by Data Protection, sliding
/// 15 minutes idle. It carries only the user id, the role and the secret of the session whose keys it unlocks
/// (a <c>StaffSessions</c> row); when that session is gone (sign-out, idle, the 8-hour limit, a
/// revocation) the cookie is refused, on every node.
/// </summary>
public static class StaffAuthentication
{
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string SessionClaim = "intake:sid";
    public const string StaffPolicy = "Staff";
    public const string HandlerPolicy = "Handler";
    public const string AdministratorPolicy = "Administrator";

    /// <summary>Pages about channels, keys and the audit trail: handlers and the administrator, not the statistics role.</summary>
    public const string ChannelStaffPolicy = "ChannelStaff";

    /// <summary>The statistics pages: the statistics role, handlers (their channels) and the administrator.</summary>
    public const string StatisticsPolicy = "Statistics";

    private static readonly object _keyringItem = new();

    public static IServiceCollection AddIntakeStaffAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(Scheme).AddCookie(Scheme, _ => { });
        services.AddOptions<CookieAuthenticationOptions>(Scheme).Configure<IOptions<SessionOptions>>((cookie, sessions) =>
        {
            cookie.Cookie.Name = "intake.staff";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.Path = "/";
            cookie.ExpireTimeSpan = sessions.Value.IdleTimeout;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/Staff/SignIn";
            cookie.LogoutPath = "/Staff/SignOut";
            cookie.AccessDeniedPath = "/Error/403";
            cookie.ReturnUrlParameter = "returnUrl";
            cookie.Events.OnValidatePrincipal = ValidateSessionAsync;
            cookie.Events.OnRedirectToAccessDenied = HideCasesFromOthers;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, policy => policy.RequireAuthenticatedUser().RequireClaim(SessionClaim))
            .AddPolicy(HandlerPolicy, policy => policy.RequireAuthenticatedUser().RequireClaim(SessionClaim).RequireRole(nameof(StaffRole.Handler)))
            .AddPolicy(AdministratorPolicy, policy => policy.RequireAuthenticatedUser().RequireClaim(SessionClaim).RequireRole(nameof(StaffRole.Administrator)))
            .AddPolicy(ChannelStaffPolicy, policy => policy.RequireAuthenticatedUser().RequireClaim(SessionClaim)
                .RequireRole(nameof(StaffRole.Handler), nameof(StaffRole.Administrator)))
            .AddPolicy(StatisticsPolicy, policy => policy.RequireAuthenticatedUser().RequireClaim(SessionClaim)
                .RequireRole(nameof(StaffRole.Statistics), nameof(StaffRole.Handler), nameof(StaffRole.Administrator)));
        return services;
    }

    public static ClaimsPrincipal PrincipalFor(StaffUser user, string sessionId)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
                new Claim(ClaimTypes.Name, user.DisplayName),
                new Claim(ClaimTypes.Role, user.Role.ToString()),
                new Claim(SessionClaim, sessionId),
            ], Scheme);
        return new ClaimsPrincipal(identity);
    }

    public static Guid? UserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static string? SessionId(this ClaimsPrincipal principal) => principal?.FindFirstValue(SessionClaim);

    /// <summary>The signed-in handler's unlocked keys (found when the cookie was validated), or null.</summary>
    public static UnlockedKeyring? Keyring(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(_keyringItem, out var keyring) ? keyring as UnlockedKeyring : null;
    }

    /// <summary>Every request with the cookie: the session must live in the database, and its keyring opens.</summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var store = context.HttpContext.RequestServices.GetRequiredService<UnlockedKeyStore>();
        var keyring = await store.GetAsync(context.Principal?.SessionId(), context.HttpContext.RequestAborted);
        if (keyring is null || keyring.UserId != context.Principal?.UserId())
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
            return;
        }

        context.HttpContext.Items[_keyringItem] = keyring;
    }

    /// <summary>
    /// A case's addresses (the case and its Retention, Export and Print pages) answer 404 to staff who are not handlers (the administrator), exactly like an unknown or
    /// foreign case, so that an id reveals nothing; other refusals go to the access-denied page as usual.
    /// </summary>
    private static Task HideCasesFromOthers(RedirectContext<CookieAuthenticationOptions> context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/Staff/Cases", StringComparison.OrdinalIgnoreCase, out var rest)
            && rest.Value is { Length: > 1 } value && Guid.TryParse(FirstSegment(value.AsSpan(1)), out _))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static ReadOnlySpan<char> FirstSegment(ReadOnlySpan<char> path)
    {
        var slash = path.IndexOf('/');
        return slash < 0 ? path : path[..slash];
    }
}
