namespace Intake.Web.Localization;

/// <summary>Builds the links to the same page in the other languages, keeping the query string.</summary>
public static class LanguageSwitch
{
    public static string UrlFor(HttpRequest request, Language target)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(target);
        var targetBase = LanguagePrefixMiddleware.RootPathBase(request.PathBase).Add(target.Prefix);
        var path = request.Path.HasValue ? request.Path : new PathString("/");
        return targetBase.Add(path).ToUriComponent() + request.QueryString.ToUriComponent();
    }

    /// <summary>The same page's language handler in <paramref name="target"/>: a form posted there comes back in that language.</summary>
    public static string FormActionFor(HttpRequest request, Language target, string handler)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(target);
        var path = request.Path.HasValue ? request.Path : new PathString("/");
        return LanguagePrefixMiddleware.RootPathBase(request.PathBase).Add(target.Prefix).Add(path).ToUriComponent()
            + QueryString.Create("handler", handler).ToUriComponent();
    }

    /// <summary>Every supported language but the current one, with the link to this page in it.</summary>
    public static IEnumerable<(Language Language, string Url)> Others(HttpRequest request) =>
        Languages.Supported.Where(l => l != Languages.Current).Select(l => (l, UrlFor(request, l)));
}
