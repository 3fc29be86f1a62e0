using Intake.Tests.Infrastructure;
using Intake.Web.Accounts;
using Intake.Web.Keys;
using Intake.Web.Notifications;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Notifications;

/// <summary>The administrator's outbox page and test mail, the start page's count, and the notices that follow account events.</summary>
public sealed class StaffPagesNoticeTests : NotificationTestBase
{
    [Fact]
    public async Task OutboxPage_ShowsWaitingNoticesAndTheErrorClass_WithoutContent_AndTestMailIsAudited()
    {
        await Smtp.StopAsync();
        var (caseId, _) = await SubmitWhistleblowingAsync("Rapport.");
        await SendDueAsync();
        using var admin = new StaffBrowserClient(App);
        await admin.SignInAsync(StaffWorld.AdminName);

        using var get = await admin.Http.GetAsync(new Uri("/Staff/Admin/Notifications", UriKind.Relative));
        var page = await Html.ParseAsync(get);
        var table = page.QuerySelector("#outbox")!.TextContent;
        Assert.Contains("Ny anmälan", table, StringComparison.Ordinal);
        Assert.Contains("Socket ConnectionRefused", table, StringComparison.Ordinal);
        Assert.Contains(StaffWorld.WhistleblowingHandler, table, StringComparison.Ordinal);
        Assert.DoesNotContain(await CaseNumberAsync(caseId), page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2", page.QuerySelector("#outbox-failing")!.TextContent.Trim());

        await Smtp.StartAsync();
        using var sent = await admin.SubmitAsync("/Staff/Admin/Notifications", new() { ["TestAddress"] = "prov@" + Domain }, "form[action*='handler=Test']");
        Assert.Contains("Testbrevet är skickat", (await Html.ParseAsync(sent)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var mail = Assert.Single(Smtp.Received, m => m.Recipient == "prov@" + Domain);
        Assert.Equal("Testbrev från Intake", mail.Subject);
        await using var scope = App.CreateScope();
        var audit = await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().AuditEntries.AsNoTracking()
            .SingleAsync(e => e.Kind == NotificationAuditKinds.TestSent);
        Assert.Equal("sent", audit.Detail);
    }

    [Fact]
    public async Task StartPage_CountsNewCasesWaitingForAcknowledgement()
    {
        await SubmitWhistleblowingAsync("Ett.");
        await SubmitWhistleblowingAsync("Två.");
        using var handler = new StaffBrowserClient(App);
        await handler.SignInAsync(StaffWorld.WhistleblowingHandler);

        using var get = await handler.Http.GetAsync(new Uri("/Staff", UriKind.Relative));
        var page = await Html.ParseAsync(get);

        Assert.Equal("2 nya ärenden väntar på bekräftelse", page.QuerySelector("#awaiting-acknowledgement")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("#mail-not-configured"));
    }

    [Fact]
    public async Task AccountReset_TellsThePerson_AndAProposal_TellsTheChannelMembers()
    {
        await using (var scope = App.CreateScope())
        {
            var admin = await StaffWorld.UserAsync(scope, StaffWorld.AdminName);
            var second = await StaffWorld.UserAsync(scope, SecondHandler);
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            await accounts.ResetAsync(admin.Id, second.Id);
            var (created, _) = await accounts.CreateAsync(admin.Id, "wb-new", "Ny", StaffRole.Handler);
            var channel = await StaffWorld.ChannelAsync(scope, ChannelCodes.Whistleblowing);
            await scope.ServiceProvider.GetRequiredService<ChannelKeys>().ProposeAsync(channel.Id, created.Id, admin.Id);
        }

        await SendDueAsync();

        Assert.Contains(Smtp.Received, m => m.Recipient == AddressOf(SecondHandler) && m.Body.Contains("har återställt ditt konto", StringComparison.Ordinal));
        Assert.Contains(Smtp.Received, m => m.Recipient == AddressOf(StaffWorld.WhistleblowingHandler) && m.Subject.StartsWith("En ny handläggare väntar", StringComparison.Ordinal));
        Assert.DoesNotContain(Smtp.Received, m => m.Recipient == AddressOf(StaffWorld.AdminName));
    }

    [Fact]
    public async Task APasskeyAddedOrRemovedByItsOwner_TellsThem_AndAnAdministratorsResetSendsOnlyTheResetNotice()
    {
        await using (var scope = App.CreateScope())
        {
            // The events the passkey pages record (PasskeyRegistration): the mail follows the audited event. The
            // administrator's removal (part of a reset) sends the handler no second passkey mail.
            var handler = await StaffWorld.UserAsync(scope, StaffWorld.WhistleblowingHandler);
            var second = await StaffWorld.UserAsync(scope, SecondHandler);
            var admin = await StaffWorld.UserAsync(scope, StaffWorld.AdminName);
            var audit = scope.ServiceProvider.GetRequiredService<Intake.Web.Audit.AuditLog>();
            await audit.AppendAsync(Intake.Web.Audit.AuditKinds.PasskeyRegistered, handler.Id, handler.Id, detail: "prf");
            await audit.AppendAsync(Intake.Web.Audit.AuditKinds.PasskeyRemoved, second.Id, second.Id);
            await audit.AppendAsync(Intake.Web.Audit.AuditKinds.PasskeyRemoved, admin.Id, handler.Id, detail: "passkeys=1");
        }

        await SendDueAsync();

        Assert.Single(Smtp.Received, m => m.Recipient == AddressOf(StaffWorld.WhistleblowingHandler) && m.Subject.StartsWith("Nycklarna (passkeys)", StringComparison.Ordinal));
        Assert.Single(Smtp.Received, m => m.Recipient == AddressOf(SecondHandler) && m.Body.Contains("har lagts till i eller tagits bort", StringComparison.Ordinal));
        Assert.DoesNotContain(Smtp.Received, m => m.Recipient == AddressOf(StaffWorld.AdminName));
    }
}

/// <summary>Without Intake:Mail:Host nothing is written or sent, and the staff pages say so.</summary>
public sealed class MailNotConfiguredTests : OrganisationTestBase
{
    [Fact]
    public async Task NoMailHost_StartPageSaysSo_AndNothingIsQueued()
    {
        using var reporter = new ReporterClient(App);
        await reporter.SubmitAsync("/report/whistleblowing", ReporterClient.MinimalWhistleblowing("Rapport."));
        using var handler = new StaffBrowserClient(App);
        await handler.SignInAsync(StaffWorld.WhistleblowingHandler);

        using var get = await handler.Http.GetAsync(new Uri("/Staff", UriKind.Relative));
        var page = await Html.ParseAsync(get);

        Assert.Contains("Ingen e-postserver är inställd", page.QuerySelector("#mail-not-configured")!.TextContent, StringComparison.Ordinal);
        await using var scope = App.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().Outbox.CountAsync());
    }
}
