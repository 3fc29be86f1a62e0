using System.Globalization;

namespace Intake.Web.Localization;

/// <summary>
/// Chooses the request culture from the path: <c>/en/…</c> is English, <c>/fi/…</c> Finnish, and the prefix moves
/// into the path base; anything else is the default language. Runs before routing, so pages are written once and
/// every generated link carries the prefix. No cookie, no Accept-Language sniffing: the page a reporter sees depends
/// only on the link they follow.
/// </summary>
public sealed class LanguagePrefixMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var language = LanguageOfPathBase(context.Request.PathBase);
        if (language is null)
        {
            language = Languages.Default;
            foreach (var candidate in Languages.Supported.Where(l => !Languages.IsDefault(l)))
            {
                if (context.Request.Path.StartsWithSegments(candidate.Prefix, StringComparison.OrdinalIgnoreCase, out var rest))
                {
                    language = candidate;
                    context.Request.PathBase = context.Request.PathBase.Add(candidate.Prefix);
                    context.Request.Path = rest.HasValue ? rest : "/";
                    break;
                }
            }
        }

        CultureInfo.CurrentCulture = language.Culture;
        CultureInfo.CurrentUICulture = language.Culture;
        return next(context);
    }

    /// <summary>The path base without the language prefix the middleware moved into it.</summary>
    internal static PathString RootPathBase(PathString pathBase) =>
        LanguageOfPathBase(pathBase) is { } language ? new PathString(pathBase.Value![..^language.Prefix.Length]) : pathBase;

    /// <summary>A re-executed request (a status code page) already had its prefix moved into the path base.</summary>
    internal static Language? LanguageOfPathBase(PathString pathBase) =>
        Languages.Supported.FirstOrDefault(l =>
            !Languages.IsDefault(l) && pathBase.Value?.EndsWith(l.Prefix, StringComparison.OrdinalIgnoreCase) == true);
}
