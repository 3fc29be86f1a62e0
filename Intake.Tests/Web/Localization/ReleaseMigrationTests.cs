using Intake.Tests.Infrastructure;
using Intake.Web.Audit;
using Intake.Web.Localization;
using Intake.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Localization;

/// <summary>
/// A data directory made by the release before the texts moved to one row per language (the fixture is the
/// database that release wrote for a scripted set-up with its own channel name and contact texts) starts on the
/// current code with nothing lost.
/// </summary>
public sealed class ReleaseMigrationTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new("intake-upgrade");
    private IntakeApplicationFactory _app = null!;

    public Task InitializeAsync()
    {
        var fixture = Path.Combine(AppContext.BaseDirectory, "Web", "Foundation", "Fixtures", "release-2026-11-intake.db");
        File.Copy(fixture, Path.Combine(_data.Path, "intake.db"));
        _app = IntakeApplicationFactory.OverDataDirectory(_data.Path);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task OrganisationAndChangedChannelTexts_MoveToTheirLanguages()
    {
        await using var scope = _app.CreateScope();
        var db = IntakeApplicationFactory.CreateDbContext(scope);

        var rows = (await db.SiteTexts.AsNoTracking().ToListAsync()).Select(t => (t.Owner, t.Field, t.Language, t.Value)).Order().ToList();

        Assert.Equal(
            new[]
            {
                ("channel:whistleblowing", "name", "en", "The whistleblowing channel"),
                ("channel:whistleblowing", "name", "sv", "Visselblåsarkanalen"),
                ("organisation", "contact", "en", "Questions: the security unit, +46 10 123 45 67."),
                ("organisation", "contact", "sv", "Frågor: säkerhetsenheten, 010-123 45 67."),
                ("organisation", "name", "sv", "Gammelby kommun"),
            },
            rows);
    }

    [Theory]
    [InlineData("sv", "Visselblåsarkanalen", "Hot och våld", "Frågor: säkerhetsenheten, 010-123 45 67.")]
    [InlineData("en", "The whistleblowing channel", "Threats and violence", "Questions: the security unit, +46 10 123 45 67.")]
    [InlineData("fi", "Visselblåsarkanalen", null, "Frågor: säkerhetsenheten, 010-123 45 67.")]
    public async Task TextsRead_InEachLanguage_WithBuiltInNamesWhereNoneWasChanged(string code, string whistleblowing, string? threat, string contact)
    {
        var language = Languages.Find(code)!;
        var previous = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = language.Culture;
        try
        {
            await using var scope = _app.CreateScope();
            var texts = scope.ServiceProvider.GetRequiredService<SiteTexts>();

            Assert.Equal("Gammelby kommun", await texts.OrganisationNameAsync());
            Assert.Equal(contact, await texts.ContactTextAsync());
            Assert.Equal(whistleblowing, await texts.ChannelNameAsync("whistleblowing"));
            var threatName = await texts.ChannelNameAsync("threat");
            Assert.False(string.IsNullOrWhiteSpace(threatName));
            if (threat is not null)
            {
                Assert.Equal(threat, threatName);
            }
        }
        finally
        {
            (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture) = previous;
        }
    }

    [Fact]
    public async Task AccountsChannelsAndTheAuditChain_Survive()
    {
        await using var scope = _app.CreateScope();
        var db = IntakeApplicationFactory.CreateDbContext(scope);

        Assert.Equal(3, await db.StaffUsers.CountAsync());
        Assert.Equal(2, await db.Channels.CountAsync());
        Assert.Equal(1, await db.Organisation.CountAsync());
        // Entries written before the instance key carry no MAC: the chain checks only once the operator sealed
        // them (audit seal-legacy, as the README's upgrade note says), and then it is intact.
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        Assert.False((await audit.VerifyAsync()).IsIntact);
        await audit.SealLegacyAsync();
        Assert.True((await audit.VerifyAsync()).IsIntact);
    }
}
