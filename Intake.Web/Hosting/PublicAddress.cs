using Intake.Web.Localization;

namespace Intake.Web.Hosting;

/// <summary>The address reporters come back to: the configured public URL, or else the address of the request.</summary>
public static class PublicAddress
{
    public static string For(HttpRequest request, IntakeOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var root = options.PublicUrl.Length > 0
            ? options.PublicUrl.TrimEnd('/')
            : $"{request.Scheme}://{request.Host.ToUriComponent()}{LanguagePrefixMiddleware.RootPathBase(request.PathBase).ToUriComponent()}";
        return root + Languages.Current.Prefix + "/";
    }
}
