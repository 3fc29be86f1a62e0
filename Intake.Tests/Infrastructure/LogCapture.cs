using System.Collections.Concurrent;
using System.Globalization;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Intake.Tests.Infrastructure;

/// <summary>
/// A Serilog sink that keeps every event the application's logging pipeline lets through, after the same
/// levels, filters and enrichers as the console and file sinks. Tests search the rendered JSON of each event.
/// </summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyCollection<LogEvent> Events => _events;

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    /// <summary>Every captured event as compact JSON: message template, rendered message, properties, exception.</summary>
    public IReadOnlyList<string> RenderAll()
    {
        var formatter = new CompactJsonFormatter();
        var lines = new List<string>();
        foreach (var logEvent in _events)
        {
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            formatter.Format(logEvent, writer);
            lines.Add(writer.ToString() + " " + logEvent.RenderMessage(CultureInfo.InvariantCulture));
        }

        return lines;
    }
}
