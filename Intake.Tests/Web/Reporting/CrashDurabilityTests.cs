using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using Intake.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Intake.Tests.Web.Reporting;

/// <summary>
/// SIGKILL in the middle of a stream of submissions: every receipt that was shown opens its case after a restart,
/// and the database passes SQLite's integrity check.
/// </summary>
public sealed class CrashDurabilityTests
{
    [Fact]
    public async Task KilledMidStream_EveryShownReceiptOpensItsCase()
    {
        using var data = new TempDirectory("intake-crash");
        var setupFile = Path.Combine(data.Path, "setup.json");
        await File.WriteAllTextAsync(setupFile, JsonSerializer.Serialize(new
        {
            organisationName = "Exempelby kommun",
            administrator = new { username = "admin" },
            channels = new object[]
            {
                new { code = "whistleblowing", handlers = new[] { new { username = "wb-one" } } },
                new { code = "threat", handlers = new[] { new { username = "tv-one" } } },
            },
            recoveryIdentityPath = Path.Combine(data.Path, "recovery.txt"),
        }));
        var dataDirectory = Path.Combine(data.Path, "data");
        var (exit, output) = await IntakeProcess.RunCommandAsync(dataDirectory, "setup", "--from", setupFile);
        Assert.True(exit == 0, output);

        var receipts = new ConcurrentBag<string>();
        // This is about durability, not the flood defences: the free report budget is set out of the way.
        using (var server = await IntakeProcess.StartAsync(dataDirectory, settings: "--Intake:Admission:FreeBurst=100000"))
        {
            using var stop = new CancellationTokenSource();
            var workers = Enumerable.Range(0, 4).Select(i => SubmitUntilStoppedAsync(server.Address, i, receipts, stop.Token)).ToList();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (receipts.Count < 25 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            server.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(workers);
        }

        Assert.True(receipts.Count >= 25, $"only {receipts.Count} receipts before the deadline");
        using (var restarted = await IntakeProcess.StartAsync(dataDirectory))
        using (var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = true, UseCookies = true }) { BaseAddress = restarted.Address })
        {
            foreach (var token in receipts)
            {
                Assert.True(await MailboxOpensAsync(client, token), $"receipt {token[..5]}… does not open its case");
            }
        }

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "intake.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        Assert.Equal("ok", await command.ExecuteScalarAsync());
    }

    private static async Task SubmitUntilStoppedAsync(Uri address, int worker, ConcurrentBag<string> receipts, CancellationToken stop)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = true, UseCookies = true }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        var n = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var form = await client.GetAsync(new Uri("report/whistleblowing", UriKind.Relative), stop);
                var page = await Html.ParseAsync(form);
                var token = page.QuerySelector("form.report-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
                using var content = new MultipartFormDataContent
                {
                    { new StringContent(token), "__RequestVerificationToken" },
                    { new StringContent("fraud"), "category" },
                    { new StringContent($"report {worker}-{n++}"), "whatHappened" },
                    { new StringContent("anonymous"), "identityMode" },
                };
                var file = new ByteArrayContent(new byte[20_000]);
                file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                content.Add(file, "attachments", "zeros.bin");
                using var response = await client.PostAsync(new Uri("report/whistleblowing", UriKind.Relative), content, stop);
                var receipt = await Html.ParseAsync(response);
                var shown = receipt.QuerySelector("#mailbox-token")?.TextContent.Trim();
                if (!string.IsNullOrEmpty(shown))
                {
                    receipts.Add(shown);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or OperationCanceledException or NullReferenceException)
            {
                // The server was killed under this request: no receipt was shown for it.
                if (stop.IsCancellationRequested)
                {
                    return;
                }

                await Task.Delay(50, CancellationToken.None);
            }
        }
    }

    private static async Task<bool> MailboxOpensAsync(HttpClient client, string token)
    {
        using var door = await client.GetAsync(new Uri("mailbox", UriKind.Relative));
        var page = await Html.ParseAsync(door);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Token"] = token,
            ["__RequestVerificationToken"] = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        });
        using var response = await client.PostAsync(new Uri("mailbox", UriKind.Relative), content);
        var opened = response.RequestMessage!.RequestUri!.AbsolutePath.EndsWith("/mailbox/open", StringComparison.Ordinal);
        using var leave = await client.GetAsync(new Uri("mailbox", UriKind.Relative));
        client.DefaultRequestHeaders.Remove("Cookie");
        return opened;
    }
}
