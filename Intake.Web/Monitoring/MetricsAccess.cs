using System.Security.Cryptography;
using System.Text;

namespace Intake.Web.Monitoring;

/// <summary>
/// Who may read <c>/metrics</c>: a request with the configured bearer token, compared in constant time; or, without
/// a token, a request made on this machine directly: from loopback and not through a proxy (a reverse proxy on the
/// same machine also connects from loopback, but adds <c>X-Forwarded-Proto</c>). Anything else gets the 404 of an
/// address that does not exist.
/// </summary>
public static class MetricsAccess
{
    public const string Path = "/metrics";

    public static bool Allowed(HttpContext context, MetricsOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        if (!context.Request.Path.Equals(Path, StringComparison.Ordinal))
        {
            return false;
        }

        var header = context.Request.Headers.Authorization.ToString();
        if (options.Token.Length > 0 && header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return CryptographicOperations.FixedTimeEquals(
                SHA256.HashData(Encoding.UTF8.GetBytes(header["Bearer ".Length..])), SHA256.HashData(Encoding.UTF8.GetBytes(options.Token)));
        }

        var remote = context.Connection.RemoteIpAddress;
        var proxied = context.Request.Headers.ContainsKey("X-Forwarded-Proto") || context.Request.Headers.ContainsKey("X-Forwarded-For")
            || context.Request.Headers.ContainsKey("Forwarded") || context.Request.Scheme == "https";
        return remote is not null && System.Net.IPAddress.IsLoopback(remote) && !proxied;
    }
}
