using Intake.Web.Hosting;
using Serilog;

namespace Intake.Web.Logging;

/// <summary>
/// Serilog from the <c>Serilog</c> configuration section (console and a rolling JSON file by default). A relative
/// file path in that section is placed inside the data directory's <c>logs</c> folder, so one setting moves all
/// the instance's state.
/// </summary>
public static class LoggingSetup
{
    public static void AddIntakeLogging(this WebApplicationBuilder builder, DataDirectory dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dataDirectory);
        RebaseFileSinkPaths(builder.Configuration, dataDirectory);

        // preserveStaticLogger: each host logs through its own pipeline, never through Serilog's static
        // Log.Logger, which a second host in the same process (the test suite runs many) would replace.
        builder.Services.AddSerilog(
            (services, configuration) => configuration
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.With<SensitivePropertyScrubber>(),
            preserveStaticLogger: true);
    }

    internal static void RebaseFileSinkPaths(IConfiguration configuration, DataDirectory dataDirectory)
    {
        foreach (var sink in configuration.GetSection("Serilog:WriteTo").GetChildren())
        {
            RebaseSink(sink, dataDirectory);
            // Sinks wrapped by Async or other wrappers carry their own WriteTo list.
            foreach (var inner in sink.GetSection("Args:configure").GetChildren())
            {
                RebaseSink(inner, dataDirectory);
            }
        }
    }

    private static void RebaseSink(IConfigurationSection sink, DataDirectory dataDirectory)
    {
        if (!string.Equals(sink["Name"], "File", StringComparison.Ordinal))
        {
            return;
        }

        var path = sink["Args:path"];
        if (!string.IsNullOrWhiteSpace(path) && !Path.IsPathRooted(path))
        {
            sink["Args:path"] = Path.Combine(dataDirectory.Logs, path);
        }
    }
}
