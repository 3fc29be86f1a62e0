using System.Diagnostics;

namespace Intake.Web.Logging;

/// <summary>
/// One log line per staff or public request with the method, the route template, the status code and the
/// duration. Never the raw path or query (a mailbox token may travel there), never an address, a user agent or a
/// form value. Reporter requests (<see cref="ReporterRoutes"/>) get no line at all and run without the trace
/// context, so nothing else logged while they run carries a trace id either.
/// </summary>
public sealed partial class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    private static readonly HashSet<string> _knownMethods = new(StringComparer.Ordinal)
    {
        "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
    };

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (ReporterRoutes.Contains(context.Request.Path))
        {
            // The server's own request activity stays with the server; this request's code runs without it.
            Activity.Current = null;
            await next(context);
            return;
        }

        var start = Stopwatch.GetTimestamp();
        var route = new MatchedRoute();
        context.Features.Set(route);
        try
        {
            await next(context);
        }
        finally
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                var method = MethodOf(context);
                var template = route.Template ?? (context.Response.StatusCode == StatusCodes.Status404NotFound ? "(unmatched)" : "(static)");
                LogRequest(logger, method, template, context.Response.StatusCode, elapsed);
            }
        }
    }

    /// <summary>The method if it is a standard one: a made-up method name is attacker-chosen text.</summary>
    internal static string MethodOf(HttpContext context) =>
        _knownMethods.Contains(context.Request.Method) ? context.Request.Method : "OTHER";

    [LoggerMessage(Level = LogLevel.Information,
        Message = "HTTP {RequestMethod} {RouteTemplate} responded {StatusCode} in {ElapsedMs:0.0} ms")]
    private static partial void LogRequest(ILogger logger, string requestMethod, string routeTemplate, int statusCode, double elapsedMs);
}
