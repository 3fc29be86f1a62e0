using Intake.Tests.Infrastructure;

namespace Intake.Tests.Web.Cases;

/// <summary>The inbox marks a case no handler has opened as new, until one opens it.</summary>
public sealed class InboxNewMarkerTests : CaseTestBase
{
    [Fact]
    public async Task ACaseNobodyOpened_IsMarkedNew_UntilAHandlerOpensIt()
    {
        var (caseId, _) = await SubmitWhistleblowingAsync("never opened");
        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);

        Assert.Equal("Ny", await MarkerAsync(handler, caseId));
        await GetAsync(handler, $"/Staff/Cases/{caseId}");
        Assert.Null(await MarkerAsync(handler, caseId));

        using var second = await SignInAsync(SecondHandler);
        Assert.Null(await MarkerAsync(second, caseId));
    }

    private static async Task<string?> MarkerAsync(StaffBrowserClient handler, Guid caseId)
    {
        var (_, page) = await GetAsync(handler, "/Staff/Cases");
        var row = page.QuerySelector($"table.inbox a[href$='{caseId}']")!.ParentElement!;
        return row.QuerySelector(".new-tag")?.TextContent.Trim();
    }
}
