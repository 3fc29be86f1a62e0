using System.Collections.Concurrent;
using AngleSharp.Dom;
using Intake.Tests.Infrastructure;

namespace Intake.Tests.Web.Reporting;

/// <summary>
/// Two application processes of one organisation over one database, one instance key and one files directory,
/// behind a round-robin balancer without sticky sessions: a reporter and a handler are served by either node, and
/// when one node is killed under load the other goes on, with every receipt shown backed by its case. ops/test.sh
/// runs these on SQLite and on PostgreSQL.
/// </summary>
public sealed class TwoNodesTests(TwoNodesTests.Organisation organisation) : IClassFixture<TwoNodesTests.Organisation>
{
    private const string Report = "/report/whistleblowing";

    [Fact]
    public async Task AReportSentThroughOneNode_IsReadAndAnsweredInTheMailboxThroughTheOther()
    {
        var (a, b) = (organisation.Nodes.Nodes[0], organisation.Nodes.Nodes[1]);
        using var atA = IntakeNodes.Reporter(a.Address);
        var (_, receipt) = await atA.SubmitAsync(Report, ReporterClient.MinimalWhistleblowing("sent through node A"));
        var token = ReporterClient.TokenOn(receipt);

        using var atB = IntakeNodes.Reporter(b.Address);
        var (_, mailbox) = await atB.OpenMailboxAsync(token);
        Assert.Contains("sent through node A", Thread(mailbox), StringComparison.Ordinal);
        using var answered = await atB.SendFollowUpAsync(token, "answered through node B");
        Assert.True(answered.IsSuccessStatusCode, $"follow-up: {(int)answered.StatusCode}");

        var (_, again) = await atA.OpenMailboxAsync(token);
        Assert.Contains("answered through node B", Thread(again), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHandlerWhoseRequestsAlternateNodes_SignsIn_OpensTheCase_AndReplies_WhichTheReporterSeesOnEitherNode()
    {
        var nodes = organisation.Nodes;
        using var reporter = IntakeNodes.Reporter(nodes.Proxy.Address);
        var (_, receipt) = await reporter.SubmitAsync(Report, ReporterClient.MinimalWhistleblowing("read by a handler on both nodes"));
        var token = ReporterClient.TokenOn(receipt);
        var caseNumber = receipt.QuerySelector("#receipt-case")!.TextContent.Trim();
        var servedBefore = nodes.Proxy.Served.ToArray();

        using var handler = await organisation.SignedInHandlerAsync();
        var caseId = await CaseIdAsync(handler, caseNumber);
        foreach (var _ in Enumerable.Range(0, 2))
        {
            using var page = await handler.Http.GetAsync(new Uri($"/Staff/Cases/{caseId}", UriKind.Relative));
            var body = await Html.ParseAsync(page);
            Assert.Equal($"/Staff/Cases/{caseId}", page.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Contains("read by a handler on both nodes", body.DocumentElement.TextContent, StringComparison.Ordinal);
        }

        using var replied = await handler.PostToHandlerAsync($"/Staff/Cases/{caseId}/Write", "Reply",
            ("ReplyText", "answered by a handler on both nodes"), ("ReplyPurpose", "Acknowledgement"));
        Assert.True(replied.IsSuccessStatusCode, $"reply: {(int)replied.StatusCode}");
        var served = nodes.Proxy.Served.Select((count, i) => count - servedBefore[i]).ToArray();
        Assert.All(served, count => Assert.True(count >= 4, $"requests per node: {string.Join(", ", served)}"));

        foreach (var node in nodes.Nodes)
        {
            using var reader = IntakeNodes.Reporter(node.Address);
            var (_, mailbox) = await reader.OpenMailboxAsync(token);
            Assert.Contains("answered by a handler on both nodes", Thread(mailbox), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ANodeKilledUnderLoad_TheOtherGoesOn_AndEveryReceiptShownHasItsCase()
    {
        await using var nodes = await IntakeNodes.StartAsync(2, Organisation.Settings);
        var receipts = new ConcurrentQueue<(string Token, string CaseNumber)>();
        using var stop = new CancellationTokenSource();
        var reporters = Enumerable.Range(0, 6).Select(i => SubmitUntilStoppedAsync(nodes.Proxy.Address, i, receipts, stop.Token)).ToList();

        await WaitUntilAsync(() => receipts.Count >= 10 && nodes.Proxy.Served.All(n => n > 2));
        nodes.Nodes[0].Kill();
        var beforeKill = receipts.Count;
        await Task.Delay(TimeSpan.FromSeconds(3));
        await WaitUntilAsync(() => receipts.Count >= beforeKill + 10);
        await stop.CancelAsync();
        await Task.WhenAll(reporters);

        var shown = receipts.ToList();
        Assert.True(shown.Count >= beforeKill + 10, $"{shown.Count} receipts, {beforeKill} before node A was killed");
        foreach (var (token, caseNumber) in shown)
        {
            using var reporter = IntakeNodes.Reporter(nodes.Nodes[1].Address);
            var (opened, _) = await reporter.OpenMailboxAsync(token);
            Assert.True(opened.RequestMessage!.RequestUri!.AbsolutePath == "/mailbox/open", $"the receipt of {caseNumber} does not open its case");
        }

        var numbers = await nodes.CaseNumbersAsync();
        Assert.Equal(numbers.Count, numbers.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(shown.Count, shown.Select(r => r.CaseNumber).Distinct(StringComparer.Ordinal).Count());
        Assert.Subset(numbers.ToHashSet(StringComparer.Ordinal), shown.Select(r => r.CaseNumber).ToHashSet(StringComparer.Ordinal));
        var audit = await nodes.VerifyAuditAsync();
        Assert.True(audit.IsIntact, audit.Reason);
    }

    /// <summary>One reporter after the other, each a fresh browser without JavaScript, until stopped.</summary>
    private static async Task SubmitUntilStoppedAsync(Uri address, int worker, ConcurrentQueue<(string, string)> receipts, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            using var reporter = IntakeNodes.Reporter(address);
            try
            {
                var (response, receipt) = await reporter.SubmitAsync(Report, ReporterClient.MinimalWhistleblowing($"report {worker}-{n}"));
                using var _ = response;
                var token = receipt.QuerySelector("#mailbox-token")?.TextContent.Trim();
                if (response.IsSuccessStatusCode && !string.IsNullOrEmpty(token))
                {
                    receipts.Enqueue((token, receipt.QuerySelector("#receipt-case")!.TextContent.Trim()));
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
            {
                // The node serving this reporter was killed: they saw an error, not a receipt.
                await Task.Delay(20, CancellationToken.None);
            }
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(40);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }

    private static async Task<Guid> CaseIdAsync(StaffBrowserClient handler, string caseNumber)
    {
        using var inbox = await handler.Http.GetAsync(new Uri("/Staff/Cases", UriKind.Relative));
        var page = await Html.ParseAsync(inbox);
        var link = page.QuerySelectorAll("th[scope=row] a").Single(a => a.TextContent.Trim() == caseNumber);
        return Guid.Parse(link.GetAttribute("href")!.Split('/')[^1]);
    }

    private static string Thread(IDocument mailbox) => mailbox.QuerySelector(".thread")?.TextContent ?? string.Empty;

    /// <summary>The organisation the first two tests share, on two nodes behind the proxy; its handler activates once.</summary>
    public sealed class Organisation : IAsyncLifetime
    {
        // About the nodes, not the flood defences: the free report budget is set out of the way.
        public static readonly string[] Settings = ["--Intake:Admission:FreeBurst=100000"];

        private readonly SemaphoreSlim _activation = new(1, 1);
        private bool _activated;

        public IntakeNodes Nodes { get; private set; } = null!;

        public async Task InitializeAsync() => Nodes = await IntakeNodes.StartAsync(2, Settings);

        /// <summary>
        /// The handler signed in through the proxy with passphrase and TOTP, after activating their account (which
        /// enrols the authenticator) the first time.
        /// </summary>
        public async Task<StaffBrowserClient> SignedInHandlerAsync()
        {
            await _activation.WaitAsync();
            try
            {
                if (!_activated)
                {
                    using var first = Nodes.Staff();
                    using var activated = await first.ActivateAsync(IntakeNodes.Handler, Nodes.ActivationCodes[IntakeNodes.Handler]);
                    Assert.True(StaffBrowserClient.IsSignedIn(activated), $"activation ended at {activated.RequestMessage!.RequestUri}");
                    _activated = true;
                }
            }
            finally
            {
                _activation.Release();
            }

            var handler = Nodes.Staff();
            using var signedIn = await handler.SignInAsync(IntakeNodes.Handler);
            Assert.True(StaffBrowserClient.IsSignedIn(signedIn), $"sign-in ended at {signedIn.RequestMessage!.RequestUri}");
            return handler;
        }

        public async Task DisposeAsync()
        {
            _activation.Dispose();
            if (Nodes is not null)
            {
                await Nodes.DisposeAsync();
            }
        }
    }
}
