using System.Net;
using Intake.Tests.Infrastructure;
using Intake.Web.Organisation;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Accounts;

/// <summary>The set-up wizard over HTTP, as a browser without JavaScript uses it.</summary>
public sealed class SetupWizardTests : IAsyncLifetime
{
    private readonly IntakeApplicationFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task WrongCode_IsRefusedAndKeepsWhatWasTyped()
    {
        using var client = new StaffBrowserClient(_app);
        var fields = Fields("WRONG-CODE-0000");

        using var response = await client.SubmitAsync("/setup", fields);

        var page = await Html.ParseAsync(response);
        Assert.NotNull(page.QuerySelector(".error-summary"));
        Assert.Equal("Exempelby kommun", page.QuerySelector("#Input_OrganisationName")!.GetAttribute("value"));
        Assert.Equal("first-wb", page.QuerySelector("#Input_WhistleblowingHandler_Username")!.GetAttribute("value"));
        Assert.False(await IsSetUpAsync());
    }

    [Fact]
    public async Task Wizard_AsksForNoPassphrase()
    {
        using var client = new StaffBrowserClient(_app);
        using var form = await client.Http.GetAsync(new Uri("/setup", UriKind.Relative));
        var page = await Html.ParseAsync(form);

        Assert.Empty(page.QuerySelectorAll("input[type=password]"));
        Assert.NotNull(page.QuerySelector("#activation-note"));
    }

    [Fact]
    public async Task FullWizard_ShowsRecoveryKeyOnItsOwnSheet_ThenTheActivationCodes()
    {
        using var client = new StaffBrowserClient(_app);

        using var recoveryPage = await client.SubmitAsync("/setup", Fields(IssueCode()));
        var page = await Html.ParseAsync(recoveryPage);
        var secret = page.QuerySelector("code.secret")!.TextContent.Trim();
        Assert.StartsWith("AGE-SECRET-KEY-PQ-1", secret, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("svg.qr"));
        Assert.Single(page.QuerySelectorAll("code.secret"));
        Assert.NotNull(page.QuerySelector("#recovery-keeper"));
        Assert.Null(page.QuerySelector("#activation-codes"));
        Assert.False(await IsSetUpAsync());

        using var wrong = await client.PostFormAsync(recoveryPage, page, new() { ["Confirmation"] = "AAAAAAAA" }, "main form");
        Assert.False(await IsSetUpAsync());

        using var done = await client.SubmitAsync("/setup/recovery", new() { ["Confirmation"] = secret[^8..].ToLowerInvariant() });
        Assert.True(await IsSetUpAsync());
        var codesPage = await Html.ParseAsync(done);
        Assert.DoesNotContain("AGE-SECRET-KEY", codesPage.DocumentElement.OuterHtml, StringComparison.Ordinal);
        var codes = codesPage.QuerySelectorAll("#activation-codes code[data-username]")
            .ToDictionary(c => c.GetAttribute("data-username")!, c => c.TextContent.Trim(), StringComparer.Ordinal);
        Assert.Equal(["admin", "first-tv", "first-wb"], codes.Keys.Order(StringComparer.Ordinal));

        // Each person activates with their own code; the administrator's is no key to anyone else's account.
        using var admin = new StaffBrowserClient(_app);
        using var adminIn = await admin.ActivateAsync("admin", codes["admin"]);
        Assert.Equal("/Staff", adminIn.RequestMessage!.RequestUri!.AbsolutePath);
        using var other = new StaffBrowserClient(_app);
        using var refused = await other.ActivateAsync("first-wb", codes["admin"]);
        Assert.Equal("/Staff/SignIn/Activate", refused.RequestMessage!.RequestUri!.AbsolutePath);

        await using var scope = _app.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var recipient = await db.Organisation.Select(o => o.RecoveryRecipient).SingleAsync();
        using var identity = Intake.Crypto.Age.AgeKeys.ParseIdentity(secret);
        Assert.Equal(Intake.Crypto.Age.AgeKeys.Encode(identity.PublicRecipient), recipient);
        Assert.StartsWith("age1pq1", recipient, StringComparison.Ordinal);
        Assert.Equal(3, await db.StaffUsers.CountAsync());

        using var again = await client.Http.GetAsync(new Uri("/setup/recovery", UriKind.Relative));
        Assert.Equal("/setup", again.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.DoesNotContain(secret, await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetupPage_AfterSetup_SaysSoAndChangesNothing()
    {
        using (var world = await StaffWorld.CreateAsync(_app))
        {
        }

        using var client = new StaffBrowserClient(_app);
        using var response = await client.Http.GetAsync(new Uri("/setup", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null((await Html.ParseAsync(response)).QuerySelector("form"));
    }

    private string IssueCode() => _app.Services.GetRequiredService<SetupCode>().Issue();

    private async Task<bool> IsSetUpAsync()
    {
        await using var scope = _app.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SetupService>().IsSetUpAsync();
    }

    private static Dictionary<string, string> Fields(string code) => new()
    {
        ["Input.SetupCode"] = code,
        ["Input.OrganisationName"] = "Exempelby kommun",
        ["Input.ContactText[sv]"] = "Säkerhetsenheten",
        ["Input.ContactText[en]"] = "The security unit",
        ["Input.Administrator.Username"] = "admin",
        ["Input.WhistleblowingHandler.Username"] = "first-wb",
        ["Input.ThreatHandler.Username"] = "first-tv",
    };
}
