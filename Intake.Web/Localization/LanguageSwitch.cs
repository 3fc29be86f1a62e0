namespace Intake.Web.Localization;

/// <summary>Builds the link to the same page in the other language, keeping the query string.</summary>
public static class LanguageSwitch
{
    public static string OtherLanguageUrl(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pathBase = request.PathBase;
        var isEnglish = pathBase.Value?.EndsWith(Languages.EnglishPrefix, StringComparison.OrdinalIgnoreCase) == true;
        var rootBase = isEnglish
            ? new PathString(pathBase.Value![..^Languages.EnglishPrefix.Length])
            : pathBase;
        var targetBase = isEnglish ? rootBase : rootBase.Add(Languages.EnglishPrefix);
        var path = request.Path.HasValue ? request.Path : new PathString("/");
        return targetBase.Add(path).ToUriComponent() + request.QueryString.ToUriComponent();
    }
}
