using System.Net;
using System.Net.Sockets;
using System.Text;
using Intake.Crypto.Mailbox;
using Intake.Tests.Infrastructure;
using Intake.Web.Hosting;
using Intake.Web.Reporting.Uploads;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Availability;

/// <summary>
/// Uploads that end badly (the client leaves mid-file, the body is cut short or malformed, the commit fails)
/// leave nothing behind and are answered with a clear refusal, not a 500; what a killed process leaves is swept
/// while the app runs.
/// </summary>
public sealed class BrokenUploadTests : OrganisationTestBase
{
    [Fact]
    public async Task AClientThatLeavesMidUpload_LeavesNoFileBehind()
    {
        await using var app = new IntakeApplicationFactory();
        app.UseKestrelOnLoopback();
        app.StartServer();
        using var world = await StaffWorld.CreateAsync(app);
        var address = app.ServerAddress;
        var folder = app.Services.GetRequiredService<DataDirectory>().Attachments;
        using var cookies = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var http = new HttpClient(cookies) { BaseAddress = address };
        var form = await Html.ParseAsync(await http.GetAsync(new Uri("/report/whistleblowing", UriKind.Relative)));
        var token = form.QuerySelector("form.report-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var cookieHeader = cookies.CookieContainer.GetCookieHeader(address);

        // Two files of a 30 MB upload: the first whole, the second cut off after 3 MB when the socket closes.
        const string boundary = "----cut";
        var head = $"--{boundary}\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n" +
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"whatHappened\"\r\n\r\nleft mid-upload\r\n" +
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"one.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        using (var socket = new TcpClient())
        {
            await socket.ConnectAsync(address.Host, address.Port);
            var stream = socket.GetStream();
            var request = $"POST /report/whistleblowing HTTP/1.1\r\nHost: {address.Authority}\r\nCookie: {cookieHeader}\r\n" +
                $"Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {30_000_000}\r\n\r\n" + head;
            await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
            var chunk = new byte[64 * 1024];
            for (var i = 0; i < 1_000_000 / chunk.Length; i++)
            {
                await stream.WriteAsync(chunk);
            }

            await stream.WriteAsync(Encoding.ASCII.GetBytes($"\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"two.bin\"\r\n\r\n"));
            for (var i = 0; i < 3_000_000 / chunk.Length; i++)
            {
                await stream.WriteAsync(chunk);
            }

            await WaitForAsync(() => Directory.EnumerateFiles(folder).Count() >= 2, TimeSpan.FromSeconds(10));
            Assert.True(Directory.EnumerateFiles(folder).Count() >= 2, "both files were being staged");
            socket.Client.LingerState = new LingerOption(true, 0);
        }

        await WaitForAsync(() => !Directory.EnumerateFiles(folder).Any(), TimeSpan.FromSeconds(10));
        Assert.Empty(Directory.EnumerateFiles(folder));
        await using var scope = app.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.CountAsync());
    }

    [Fact]
    public async Task AnUnterminatedMultipartBody_IsRefusedWithAClearMessage_AndKeepsNothing()
    {
        var (reporter, token) = await FormAsync();
        using (reporter)
        {
            var body = $"--b\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n" +
                "--b\r\nContent-Disposition: form-data; name=\"whatHappened\"\r\n\r\nkept text\r\n" +
                "--b\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"a.bin\"\r\n\r\n" + new string('x', 200_000);
            using var response = await PostRawAsync(reporter, body);

            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var page = await Html.ParseAsync(response);
            Assert.Contains("did not arrive whole", page.Body!.TextContent, StringComparison.Ordinal);
            Assert.Equal("kept text", page.QuerySelector("textarea[name=whatHappened]")!.TextContent.Trim());
            Assert.Empty(StagingFiles());
            Assert.Equal(0, await CaseCountAsync());
        }
    }

    [Fact]
    public async Task APartWithSeventeenHeaders_IsRefusedWithAClearMessage()
    {
        var (reporter, token) = await FormAsync();
        using (reporter)
        {
            var headers = string.Concat(Enumerable.Range(0, 17).Select(i => $"X-Extra-{i}: {i}\r\n"));
            var body = $"--b\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n" +
                $"--b\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"a.bin\"\r\n{headers}\r\nabc\r\n--b--\r\n";
            using var response = await PostRawAsync(reporter, body);

            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains("did not arrive whole", (await Html.ParseAsync(response)).Body!.TextContent, StringComparison.Ordinal);
            Assert.Empty(StagingFiles());
        }
    }

    [Fact]
    public async Task ABrowserReportReusingALookupId_IsRefused_AndItsFilesAreNotKept()
    {
        using var reporter = new ReporterClient(App);
        using var token = MailboxToken.Generate();
        var sealing = new BrowserSealingClient(reporter);
        using (var first = await sealing.SubmitSealedReportAsync(BrowserSealingClient.ReportDocument("first", ("a", 1)), ["a"u8.ToArray()], token))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var second = await sealing.SubmitSealedReportAsync(BrowserSealingClient.ReportDocument("second", ("b", 1)), ["b"u8.ToArray()], token, path: "/en/report/whistleblowing");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Contains("already in use", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await CaseCountAsync());
        Assert.Single(AgeFiles());
        Assert.Empty(StagingFiles());
    }

    [Fact]
    public async Task TheSweepWhileRunning_RemovesStaleStagingFiles_AndLeavesFreshOnes()
    {
        var folder = App.Services.GetRequiredService<DataDirectory>().Attachments;
        var stale = Path.Combine(folder, StagedFile.TempPrefix + "stale");
        var fresh = Path.Combine(folder, StagedFile.TempPrefix + "fresh");
        var orphan = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".age");
        await File.WriteAllBytesAsync(stale, new byte[10]);
        await File.WriteAllBytesAsync(fresh, new byte[10]);
        await File.WriteAllBytesAsync(orphan, new byte[10]);
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-2));
        File.SetLastWriteTimeUtc(orphan, DateTime.UtcNow.AddHours(-2));

        var job = App.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<AttachmentSweepJob>().Single();
        var removed = await job.RunOnceAsync();

        Assert.Equal(2, removed);
        Assert.False(File.Exists(stale));
        Assert.False(File.Exists(orphan));
        Assert.True(File.Exists(fresh));
    }

    private async Task<(ReporterClient Reporter, string Token)> FormAsync()
    {
        var reporter = new ReporterClient(App);
        using var form = await reporter.Http.GetAsync(new Uri("/en/report/whistleblowing", UriKind.Relative));
        var page = await Html.ParseAsync(form);
        return (reporter, page.QuerySelector("form.report-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!);
    }

    private static async Task<HttpResponseMessage> PostRawAsync(ReporterClient reporter, string body)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b");
        return await reporter.Http.PostAsync(new Uri("/en/report/whistleblowing", UriKind.Relative), content);
    }

    private List<string> StagingFiles() =>
        [.. Directory.EnumerateFiles(App.Services.GetRequiredService<DataDirectory>().Attachments).Where(p => Path.GetFileName(p).StartsWith(StagedFile.TempPrefix, StringComparison.Ordinal))];

    private List<string> AgeFiles() =>
        [.. Directory.EnumerateFiles(App.Services.GetRequiredService<DataDirectory>().Attachments, "*.age")];

    private async Task<int> CaseCountAsync()
    {
        await using var scope = App.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.CountAsync();
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (!condition() && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }
    }
}
