namespace Intake.Web.Logging;

/// <summary>
/// The addresses a reporter uses (the report forms, the receipt, the mailbox and its API, in either language).
/// Their requests are not logged, and carry no trace context: a log line with a time to the tenth of a
/// microsecond, a connection or a trace id would tie a report to a moment and to the reporter's other requests.
/// </summary>
public static class ReporterRoutes
{
    private static readonly string[] _prefixes = ["/report", "/mailbox"];

    public static bool Contains(PathString path)
    {
        if (path.StartsWithSegments("/en", StringComparison.OrdinalIgnoreCase, out var rest))
        {
            path = rest;
        }

        return _prefixes.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
    }
}
