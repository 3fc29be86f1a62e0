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
            : $"{request.Scheme}://{request.Host.ToUriComponent()}{RootPathBase(request)}";
        return root + Languages.Current.Prefix + "/";
    }

    private static string RootPathBase(HttpRequest request)
    {
        var pathBase = request.PathBase.Value ?? string.Empty;
        var prefix = Languages.Current.Prefix;
        return prefix.Length > 0 && pathBase.EndsWith(prefix, StringComparison.OrdinalIgnoreCase) ? pathBase[..^prefix.Length] : pathBase;
    }
}
