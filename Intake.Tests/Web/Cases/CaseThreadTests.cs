using Intake.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace Intake.Tests.Web.Cases;

/// <summary>
/// One thread, four readers: the case page, the print view and the PDF show the same items in the same order,
/// and the reporter's mailbox shows the same less the internal notes.
/// </summary>
public sealed class CaseThreadTests : OrganisationTestBase
{
    private const string Report = "the caretaker sold the laptops of the school";
    private const string Reply = "thank you, which school was it";
    private const string Note = "ask the principal about it";
    private const string FollowUp = "the one by the harbour";
    private const string SecondReply = "we have spoken to the principal";

    private static readonly string[] _handlersSee = [Report, Reply, Note, FollowUp, SecondReply];
    private static readonly string[] _reporterSees = [Report, Reply, FollowUp, SecondReply];

    [Fact]
    public async Task CasePage_Print_Pdf_AndMailbox_ShowTheSameItemsInTheSameOrder_TheMailboxWithoutNotes()
    {
        var (caseId, token) = await RetentionScenario.SubmitWhistleblowingAsync(App, Report);
        await RetentionScenario.ReplyAndNoteAsync(App, caseId, StaffWorld.WhistleblowingHandler, Reply, Note);
        using var reporter = new ReporterClient(App);
        using (var sent = await reporter.SendFollowUpAsync(token, FollowUp))
        {
            Assert.True(sent.IsSuccessStatusCode);
        }

        await RetentionScenario.ReplyAndNoteAsync(App, caseId, StaffWorld.WhistleblowingHandler, SecondReply, Note + " again");
        using var handler = new StaffBrowserClient(App);
        await handler.SignInAsync(StaffWorld.WhistleblowingHandler);

        using var caseResponse = await handler.Http.GetAsync(new Uri($"/Staff/Cases/{caseId}", UriKind.Relative));
        var casePage = (await Html.ParseAsync(caseResponse)).QuerySelector("main")!.TextContent;
        using var printResponse = await handler.Http.GetAsync(new Uri($"/Staff/Cases/{caseId}/Print", UriKind.Relative));
        var print = (await Html.ParseAsync(printResponse)).QuerySelector("#case-print")!.TextContent;
        using var pdfResponse = await RetentionScenario.PostAsync(handler, $"/Staff/Cases/{caseId}/Export", "#export-pdf");
        var pdf = TextOf(await pdfResponse.Content.ReadAsByteArrayAsync());
        var (_, mailboxPage) = await reporter.OpenMailboxAsync(token);
        var mailbox = mailboxPage.QuerySelector("main")!.TextContent;

        Assert.Equal(_handlersSee, InOrder(casePage, _handlersSee));
        Assert.Equal(_handlersSee, InOrder(print, _handlersSee));
        Assert.Equal(_handlersSee, InOrder(pdf, _handlersSee));
        Assert.Equal(_reporterSees, InOrder(mailbox, _handlersSee));
        Assert.DoesNotContain(Note, mailbox, StringComparison.Ordinal);
    }

    /// <summary>Which of the texts the page shows, in the order it shows them (each by its first appearance).</summary>
    private static string[] InOrder(string page, IEnumerable<string> texts)
    {
        var flat = string.Join(' ', page.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return [.. texts.Select(t => (Text: t, At: flat.IndexOf(t, StringComparison.Ordinal))).Where(p => p.At >= 0).OrderBy(p => p.At).Select(p => p.Text)];
    }

    private static string TextOf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(' ', document.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text))));
    }
}
