using System.Net;
using Intake.Tests.Infrastructure;
using Intake.Web.Cases;
using Intake.Web.Channels;
using Intake.Web.Localization;

namespace Intake.Tests.Web.Cases;

/// <summary>Ready texts: the suggestion follows the case's state, and without JavaScript nothing typed is lost.</summary>
public sealed class ReadyTextTests : CaseTestBase
{
    private static string Code(string name) => name + "-" + Languages.Default.Code;

    [Fact]
    public async Task SuggestedReadyText_FollowsTheState_AcknowledgementThenFeedbackThenNone()
    {
        var (caseId, _) = await SubmitWhistleblowingAsync("suggest me");
        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);

        Assert.Equal(Code("acknowledgement"), await SelectedAsync(handler, caseId));
        await PostAsync(handler, caseId, "Status", ("NewStatus", nameof(CaseStatus.Acknowledged)));
        Assert.Equal(Code("feedback"), await SelectedAsync(handler, caseId));
        await PostAsync(handler, caseId, "Status", ("NewStatus", nameof(CaseStatus.FeedbackGiven)));
        Assert.Null(await SelectedAsync(handler, caseId));
    }

    [Fact]
    public async Task SuggestedReadyText_ForAThreat_IsTheElectedOfficialsFirstContact_ThenTheFollowUp()
    {
        var (caseId, _) = await SubmitThreatAsync("threat suggestion");
        using var handler = await SignInAsync(StaffWorld.ThreatHandler);

        Assert.Equal(Code("threat-elected"), await SelectedAsync(handler, caseId));
        await PostAsync(handler, caseId, "Reply", ("ReplyText", "we will call you"), ("ReplyPurpose", nameof(ReplyPurpose.Message)));
        Assert.Equal(Code("threat-follow-up"), await SelectedAsync(handler, caseId));
    }

    [Fact]
    public async Task ReadyText_WithoutJavaScript_ComesBackAfterWhatWasTyped_WithItsPurpose_AndNothingIsSent()
    {
        var (caseId, _) = await SubmitWhistleblowingAsync("no script");
        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);
        var typed = "Hej!\nTack för din anmälan.";

        var (response, page) = await PostAsync(handler, caseId, "ReadyText", ("ReplyText", typed), ("Template", Code("feedback")), ("ReplyPurpose", nameof(ReplyPurpose.Message)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = page.QuerySelector("#reply-text")!.TextContent;
        Assert.StartsWith(typed + "\n\n", text, StringComparison.Ordinal);
        Assert.True(text.Length > typed.Length + 20);
        Assert.NotNull(page.QuerySelector("#purpose-feedback[checked]"));
        Assert.Equal(Code("feedback"), page.QuerySelector("#template option[selected]")?.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("#ready-text-added"));
        Assert.Null(page.QuerySelector("#error-summary"));
        Assert.Null((await RecordAsync(caseId)).FeedbackGivenOn);
    }

    [Fact]
    public async Task ReadyText_OfAnotherKindOrUnknown_KeepsTheTypedTextAsItWas()
    {
        var (caseId, _) = await SubmitWhistleblowingAsync("unknown template");
        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);

        var (_, page) = await PostAsync(handler, caseId, "ReadyText", ("ReplyText", "only this"), ("Template", Code("threat-elected")));

        Assert.Equal("only this", page.QuerySelector("#reply-text")!.TextContent);
        Assert.Null(page.QuerySelector("#ready-text-added"));
    }

    private static async Task<string?> SelectedAsync(Infrastructure.StaffBrowserClient handler, Guid caseId)
    {
        var (_, page) = await GetAsync(handler, $"/Staff/Cases/{caseId}");
        return page.QuerySelector("#template option[selected]")?.GetAttribute("value");
    }
}
