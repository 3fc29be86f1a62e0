using System.Diagnostics.Metrics;

namespace Intake.Web.Monitoring;

/// <summary>
/// What Intake tells monitoring (docs/operations.md, "Monitoring"), through a <see cref="Meter"/> exported in the
/// Prometheus text format at <c>/metrics</c>: staff and public requests by method, route template and status (the
/// reporter's routes are not counted, as they are not logged: a counter scraped every few seconds would date a
/// report), and gauges from <see cref="MetricsSnapshot"/>. Nothing here carries content, a path, an address or a
/// time finer than the snapshot's.
/// </summary>
public sealed class IntakeMetrics : IDisposable
{
    public const string MeterName = "Intake";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _requests;

    public IntakeMetrics(MetricsSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _requests = _meter.CreateCounter<long>("intake.http.requests", description: "Staff and public requests answered, by method, route template and status");
        _meter.CreateObservableGauge("intake.outbox.waiting", () => snapshot.Current.OutboxWaiting, description: "Notification mails not yet sent");
        _meter.CreateObservableGauge("intake.attachments.stored.bytes", () => snapshot.Current.StoredBytes, unit: "By", description: "Sealed attachments stored");
        _meter.CreateObservableGauge("intake.attachments.quota.bytes", () => snapshot.Current.QuotaBytes, unit: "By", description: "Attachment quota (Intake:Uploads:MaxTotalBytes)");
        _meter.CreateObservableGauge("intake.disk.free.bytes", () => snapshot.Current.FreeDiskBytes, unit: "By", description: "Free space on the data directory's disk");
        _meter.CreateObservableGauge("intake.audit.entries", () => snapshot.Current.AuditEntries, description: "Length of the audit chain");
        _meter.CreateObservableGauge("intake.backup.age.seconds", () => snapshot.Current.BackupAgeSeconds is { } age ? [new Measurement<double>(age)] : Array.Empty<Measurement<double>>(), unit: "s", description: "Time since the last complete backup");
    }

    public void Request(string method, string route, int status) =>
        _requests.Add(1, new KeyValuePair<string, object?>("method", method), new("route", route), new("status", status));

    public void Dispose() => _meter.Dispose();
}
