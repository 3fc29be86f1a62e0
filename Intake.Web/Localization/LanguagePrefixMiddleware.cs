using System.Globalization;

namespace Intake.Web.Localization;

/// <summary>
/// Chooses the request culture from the path: <c>/en/…</c> is English and the prefix moves into the path base,
/// anything else is Swedish. Runs before routing, so pages are written once and every generated link carries the
/// prefix. No cookie, no Accept-Language sniffing: the page a reporter sees depends only on the link they follow.
/// </summary>
public sealed class LanguagePrefixMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var culture = Languages.Swedish;
        if (context.Request.PathBase.Value?.EndsWith(Languages.EnglishPrefix, StringComparison.OrdinalIgnoreCase) == true)
        {
            // A re-executed request (a status code page) already had its prefix moved into the path base.
            culture = Languages.English;
        }
        else if (context.Request.Path.StartsWithSegments(Languages.EnglishPrefix, StringComparison.OrdinalIgnoreCase, out var rest))
        {
            culture = Languages.English;
            context.Request.PathBase = context.Request.PathBase.Add(Languages.EnglishPrefix);
            context.Request.Path = rest.HasValue ? rest : "/";
        }

        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        return next(context);
    }
}
