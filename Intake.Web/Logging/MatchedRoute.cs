namespace Intake.Web.Logging;

/// <summary>
/// The route template the request first matched, recorded right after routing. A status code page re-executes
/// the pipeline and routes again to the error page; the first match is the one worth logging.
/// </summary>
public sealed class MatchedRoute
{
    public string? Template { get; private set; }

    private bool _recorded;

    public void Record(Endpoint? endpoint)
    {
        if (_recorded)
        {
            return;
        }

        _recorded = true;
        Template = endpoint switch
        {
            RouteEndpoint route => "/" + (route.RoutePattern.RawText ?? string.Empty).TrimStart('/'),
            null => null,
            _ => endpoint.DisplayName ?? "(endpoint)",
        };
    }
}

/// <summary>Runs after routing and records the matched endpoint for the request log.</summary>
public sealed class MatchedRouteRecorder(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Features.Get<MatchedRoute>()?.Record(context.GetEndpoint());
        return next(context);
    }
}
