using System.Net;
using Intake.Tests.Infrastructure;
using Intake.Web.Audit;
using Intake.Web.Cases;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Cases;

/// <summary>A handler registers an oral or posted report; the reporter reads the minutes with the code.</summary>
public sealed class CaseRegisterTests : CaseTestBase
{
    [Fact]
    public async Task RegisteredReport_GivesAWorkingMailboxCode_ShownOnce()
    {
        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);
        var (get, form) = await GetAsync(handler, "/Staff/Cases/Register");
        Assert.NotNull(form.QuerySelector("nav a[href$='/Staff/Cases/Register']"));

        using var registered = await handler.PostFormAsync(get, form, new()
        {
            ["Origin"] = nameof(CaseOrigin.Phone),
            ["category"] = "procurement",
            ["whatHappened"] = "MINUTES-MARK told by phone: the tender was split",
            ["identityMode"] = "anonymous",
            ["allowAcknowledgement"] = "true",
        }, "form[method=post].report-form");
        var receipt = await Html.ParseAsync(registered);

        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        var token = receipt.QuerySelector("#mailbox-token")!.TextContent.Trim();
        Assert.False(string.IsNullOrEmpty(token));
        Assert.StartsWith("VB-", receipt.QuerySelector("#case-number")!.TextContent, StringComparison.Ordinal);

        using var reporter = new ReporterClient(App);
        var (_, mailbox) = await reporter.OpenMailboxAsync(token);
        Assert.Contains("MINUTES-MARK", mailbox.QuerySelector(".thread")!.TextContent, StringComparison.Ordinal);

        var (_, again) = await GetAsync(handler, registered.RequestMessage!.RequestUri!.PathAndQuery);
        Assert.Null(again.QuerySelector("#mailbox-token"));

        await using var scope = App.CreateScope();
        var record = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.AsNoTracking().SingleAsync();
        Assert.Equal(CaseOrigin.Phone, record.Origin);
        Assert.Equal("procurement", record.Category);
        Assert.Contains(await AuditOfAsync(record.Id), e => e.Kind == AuditKinds.CaseRegistered && e.Detail == nameof(CaseOrigin.Phone));
        var (_, casePage) = await GetAsync(handler, $"/Staff/Cases/{record.Id}");
        Assert.Contains("Telefon", casePage.QuerySelector("#case-origin")!.TextContent, StringComparison.Ordinal);
        await AssertChainIntactAsync();
    }

    [Fact]
    public async Task MissingAnswers_AreRefused_KeepingWhatWasTyped()
    {
        using var handler = await SignInAsync(StaffWorld.ThreatHandler);
        var (get, form) = await GetAsync(handler, "/Staff/Cases/Register");

        using var response = await handler.PostFormAsync(get, form, new()
        {
            ["whatHappened"] = "KEEP-TYPED threatened at the library",
        }, "form[method=post].report-form");
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull(page.QuerySelector("#error-summary a[href='#f-origin']"));
        Assert.NotNull(page.QuerySelector("#error-summary a[href='#f-role']"));
        Assert.Equal("KEEP-TYPED threatened at the library", page.QuerySelector("#f-whatHappened")!.TextContent);
        await using var scope = App.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Cases.AnyAsync());
    }

    [Fact]
    public async Task Register_OnlyIntoOwnChannels()
    {
        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);
        var (get, form) = await GetAsync(handler, "/Staff/Cases/Register");

        using var response = await handler.PostFormAsync(get, form, new()
        {
            ["channel"] = "threat",
            ["Origin"] = nameof(CaseOrigin.Post),
            ["role"] = "employee",
            ["types"] = "harassment",
            ["whatHappened"] = "x",
            ["identityMode"] = "anonymous",
        }, "form[method=post].report-form");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
