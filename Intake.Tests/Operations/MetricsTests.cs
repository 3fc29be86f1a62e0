using System.Net;
using Intake.Tests.Infrastructure;

namespace Intake.Tests.Operations;

/// <summary>
/// <c>/metrics</c> answers in the Prometheus text format to a request made on the machine itself (not through a
/// proxy) or carrying the configured token, and is an address that does not exist for anyone else. Staff and public
/// requests are counted by route template; the reporter's routes are not, so no counter can date a report.
/// </summary>
public sealed class MetricsTests : IAsyncDisposable
{
    private const string Token = "a-long-random-monitoring-token";

    private readonly IntakeApplicationFactory _app = new();

    [Theory]
    [InlineData("127.0.0.1", null, null, 200)]
    [InlineData("127.0.0.1", "https", null, 404)]
    [InlineData("192.0.2.7", null, null, 404)]
    [InlineData("192.0.2.7", null, "Bearer " + Token, 200)]
    [InlineData("192.0.2.7", null, "Bearer wrong-token", 404)]
    public async Task OnlyTheMachineItself_OrTheToken_ReadsTheMetrics(string remote, string? forwardedProto, string? authorization, int status)
    {
        _app.Settings["Intake:Metrics:Token"] = Token;

        var context = await _app.GetFromAsync(remote, "/metrics", ("X-Forwarded-Proto", forwardedProto), ("Authorization", authorization));

        Assert.Equal(status, context.Response.StatusCode);
    }

    [Fact]
    public async Task TheMetrics_CountStaffRequestsByRoute_AndNeverTheReportersRoutes()
    {
        using var world = await StaffWorld.CreateAsync(_app);
        using var reporter = new ReporterClient(_app);
        var (submitted, _) = await reporter.SubmitAsync("/report/whistleblowing", ReporterClient.MinimalWhistleblowing("metrics canary"));
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        using var staff = new StaffBrowserClient(_app);
        await staff.SignInAsync(StaffWorld.WhistleblowingHandler);

        var context = await _app.GetFromAsync("127.0.0.1", "/metrics");
        var text = await new StreamReader(context.Response.Body).ReadToEndAsync();

        Assert.Contains("intake_http_requests_total{", text, StringComparison.Ordinal);
        Assert.Contains("route=\"/Staff/SignIn\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("report/", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("mailbox", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("metrics canary", text, StringComparison.Ordinal);
        Assert.Contains("intake_attachments_quota_bytes", text, StringComparison.Ordinal);
        Assert.Contains("intake_disk_free_bytes", text, StringComparison.Ordinal);
        Assert.Contains("intake_outbox_waiting", text, StringComparison.Ordinal);
        Assert.Contains("intake_audit_entries", text, StringComparison.Ordinal);
    }


    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
