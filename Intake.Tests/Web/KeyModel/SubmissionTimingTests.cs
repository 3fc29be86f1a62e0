using Intake.Tests.Infrastructure;
using Intake.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.KeyModel;

/// <summary>
/// Issue 12, item 5: the request log kept each report POST to 100 ns with connection, request and trace ids (which
/// also linked the receipt, mailbox and API calls of one reporter), and attachment files kept nanosecond times;
/// with sequential case numbers a log line mapped to a case. Reporter requests are no longer logged, no event
/// carries those ids, and stored files carry the day.
/// </summary>
public sealed class SubmissionTimingTests : OrganisationTestBase
{
    [Fact]
    public async Task AReport_LeavesNoRequestLineNoIdsAndADayPreciseFile()
    {
        using (var staff = new StaffBrowserClient(App))
        {
            await staff.SignInAsync(StaffWorld.WhistleblowingHandler);
        }

        using var reporter = new ReporterClient(App);
        var (_, receipt) = await reporter.SubmitAsync("/report/whistleblowing", ReporterClient.MinimalWhistleblowing("timing"), [("photo.jpg", new byte[5000])]);
        var (_, mailbox) = await reporter.OpenMailboxAsync(ReporterClient.TokenOn(receipt));
        Assert.NotNull(mailbox.QuerySelector(".thread"));

        var lines = App.Logs.RenderAll();
        var requestLines = lines.Where(l => l.Contains("\"RouteTemplate\"", StringComparison.Ordinal)).ToList();
        Assert.Contains(requestLines, l => l.Contains("/Staff", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(requestLines, l => l.Contains("report", StringComparison.OrdinalIgnoreCase) || l.Contains("mailbox", StringComparison.OrdinalIgnoreCase));
        foreach (var id in new[] { "ConnectionId", "RequestId", "TraceId", "SpanId" })
        {
            Assert.DoesNotContain(App.Logs.Events, e => e.Properties.ContainsKey(id));
        }

        var attachments = App.Services.GetRequiredService<DataDirectory>().Attachments;
        var file = Assert.Single(Directory.GetFiles(attachments, "*.age"));
        Assert.Equal(TimeSpan.Zero, File.GetLastWriteTimeUtc(file).TimeOfDay);
        Assert.Equal(TimeSpan.Zero, File.GetLastAccessTimeUtc(file).TimeOfDay);
    }
}
