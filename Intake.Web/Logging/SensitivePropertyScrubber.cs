using Serilog.Core;
using Serilog.Events;

namespace Intake.Web.Logging;

/// <summary>
/// Removes properties that ASP.NET Core and Kestrel attach to events and that may carry a token, an address or
/// a fingerprint of the reporter: the request path (ASP.NET's request scope adds it to every event written
/// during a request), the query string, the host, client addresses and headers, and the connection, request and
/// trace ids that would link one reporter's requests to each other. Our own request log records the route
/// template instead (see <see cref="RequestLoggingMiddleware"/>).
/// </summary>
public sealed class SensitivePropertyScrubber : ILogEventEnricher
{
    private static readonly string[] _removed =
    [
        "RequestPath", "Path", "PathBase", "QueryString", "Query", "Host", "HostString", "Scheme",
        "RemoteIpAddress", "RemoteEndPoint", "RemotePort", "LocalEndPoint", "ClientIp", "ClientAddress",
        "UserAgent", "Referer", "Referrer", "Headers", "Cookies", "Form", "Url", "Uri", "RequestUri", "Scope",
        "ContentType", "ContentLength", "Protocol",
        "ConnectionId", "RequestId", "TraceId", "SpanId", "ParentId", "TraceFlags", "TraceState", "CorrelationId",
    ];

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        foreach (var name in _removed)
        {
            logEvent.RemovePropertyIfPresent(name);
        }
    }
}
