using System.Net;
using System.Text;
using Intake.Tests.Infrastructure;
using Intake.Web.Cases;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Reporting;

/// <summary>The anonymous mailbox without JavaScript: open with the token, read, reply, leave.</summary>
public sealed class MailboxTests : OrganisationTestBase
{

    [Fact]
    public async Task Token_OpensMailboxWithReportAndConfirmation()
    {
        using var reporter = new ReporterClient(App);
        var token = await SubmitAsync(reporter, "what I saw");

        var (_, page) = await reporter.OpenMailboxAsync(token.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal));

        Assert.Contains("what I saw", page.QuerySelector(".thread")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".thread-item--receiptconfirmation"));
        Assert.NotNull(page.QuerySelector("#case-status"));
    }

    [Fact]
    public async Task HandlerReply_ShowsUpInTheMailbox()
    {
        using var reporter = new ReporterClient(App);
        var token = await SubmitAsync(reporter, "report text");
        await using (var scope = App.CreateScope())
        {
            var record = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.SingleAsync();
            using var handler = await StaffWorld.UnlockAsync(scope, StaffWorld.WhistleblowingHandler);
            await HandlerWrites.ReplyAsync(scope, record.Id, handler, "Thank you, we are looking into it.");
            await HandlerWrites.NoteAsync(scope, record.Id, handler, "internal only");
        }

        var (_, page) = await reporter.OpenMailboxAsync(token);

        var thread = page.QuerySelector(".thread")!.TextContent;
        Assert.Contains("Thank you, we are looking into it.", thread, StringComparison.Ordinal);
        Assert.DoesNotContain("internal only", thread, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FollowUp_WithAttachment_IsSealedAndReadableByHandler()
    {
        using var reporter = new ReporterClient(App);
        var token = await SubmitAsync(reporter, "first");
        var (opened, page) = await reporter.OpenMailboxAsync(token);
        var form = page.QuerySelector("form[enctype='multipart/form-data']")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent("more details here"), "message" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("photo bytes")), "attachments", "photo.jpg" },
        };

        using var sent = await reporter.Http.PostAsync(new Uri("/mailbox/open?handler=Message", UriKind.Relative), content);

        var after = await Html.ParseAsync(sent);
        Assert.True(after.QuerySelector(".thread") is not null, $"{(int)sent.StatusCode} {sent.RequestMessage!.RequestUri}: {after.QuerySelector("main")?.TextContent}");
        Assert.Contains("more details here", after.QuerySelector(".thread")!.TextContent, StringComparison.Ordinal);
        var link = after.QuerySelector(".attachments a")!;
        Assert.Equal("photo.jpg", link.TextContent);
        using var download = await reporter.Http.GetAsync(new Uri("/mailbox/open" + link.GetAttribute("href"), UriKind.Relative));
        Assert.Equal("photo bytes", await download.Content.ReadAsStringAsync());
        Assert.Equal("photo.jpg", download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    [Fact]
    public async Task WrongAndUnknownTokens_GetTheSameAnswer_TypoIsToldAsTypo()
    {
        using var reporter = new ReporterClient(App);
        var token = await SubmitAsync(reporter, "x");
        using var other = Intake.Crypto.Mailbox.MailboxToken.Generate();
        var typo = token[..^1] + (token[^1] == '0' ? '1' : '0');

        var (unknownResponse, unknown) = await reporter.OpenMailboxAsync(other.ToString());
        var (_, typoPage) = await reporter.OpenMailboxAsync(typo);

        Assert.Equal("/mailbox", unknownResponse.RequestMessage!.RequestUri!.AbsolutePath);
        var unknownText = unknown.QuerySelector("#mailbox-error")!.TextContent;
        var typoText = typoPage.QuerySelector("#mailbox-error")!.TextContent;
        Assert.NotEqual(unknownText, typoText);
        var (_, garbage) = await reporter.OpenMailboxAsync("0000000000000000000000000");
        Assert.Contains(garbage.QuerySelector("#mailbox-error")!.TextContent, new[] { unknownText, typoText });
    }

    [Fact]
    public async Task Leaving_ClosesTheMailboxAndNothingIsCached()
    {
        using var reporter = new ReporterClient(App);
        var token = await SubmitAsync(reporter, "private words");
        var (opened, page) = await reporter.OpenMailboxAsync(token);
        Assert.True(opened.Headers.CacheControl?.NoStore);

        using var leave = await PostSmallFormAsync(reporter, page, "form[action*='handler=Leave']");
        using var after = await reporter.Http.GetAsync(new Uri("/mailbox/open", UriKind.Relative));

        Assert.Equal("/mailbox", after.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.DoesNotContain("private words", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IdleMailbox_ClosesAfterFifteenMinutes()
    {
        using var reporter = new ReporterClient(App);
        var token = await SubmitAsync(reporter, "idle");
        await reporter.OpenMailboxAsync(token);
        App.Clock.Advance(TimeSpan.FromMinutes(16));

        using var after = await reporter.Http.GetAsync(new Uri("/mailbox/open", UriKind.Relative));

        Assert.Equal("/mailbox", after.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("15 minuter utan aktivitet", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("15 minuter utan aktivitet", await reporter.Http.GetStringAsync(new Uri("/mailbox/open", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MeetingRequest_IsRecorded()
    {
        using var reporter = new ReporterClient(App);
        var token = await SubmitAsync(reporter, "meet");
        var (_, page) = await reporter.OpenMailboxAsync(token);

        using var response = await PostSmallFormAsync(reporter, page, "form[action*='handler=Meeting']");

        await using var scope = App.CreateScope();
        var record = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.SingleAsync();
        Assert.True(record.MeetingRequested);
        Assert.NotNull((await Html.ParseAsync(response)).QuerySelector(".thread-item--meetingrequest"));
    }

    private static async Task<string> SubmitAsync(ReporterClient reporter, string text)
    {
        var (_, receipt) = await reporter.SubmitAsync("/report/whistleblowing", ReporterClient.MinimalWhistleblowing(text));
        return ReporterClient.TokenOn(receipt);
    }

    private static async Task<HttpResponseMessage> PostSmallFormAsync(ReporterClient reporter, AngleSharp.Dom.IDocument page, string selector)
    {
        var form = page.QuerySelector(selector)!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        });
        return await reporter.Http.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), content);
    }
}
