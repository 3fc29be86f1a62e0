using AngleSharp.Dom;
using Intake.Tests.Infrastructure;
using Intake.Web.Notifications;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Notifications;

/// <summary>Staff set their own address (confirmed by a link sent to it), language, topics and the daily digest.</summary>
public sealed class AddressAndChoicesTests : NotificationTestBase
{
    private const string Page = "/Staff/Account/Notifications";

    [Fact]
    public async Task NewAddress_TakesEffectOnlyAfterTheLinkSentToIt_AndTheOldAddressIsTold()
    {
        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);
        var fresh = "ny.adress@" + Domain;

        using var requested = await handler.SubmitAsync(Page, new() { ["Address"] = fresh }, "form[action*='handler=Address']");
        var page = await Html.ParseAsync(requested);
        Assert.Contains(fresh, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(AddressOf(StaffWorld.WhistleblowingHandler), (await ProfileAsync(StaffWorld.WhistleblowingHandler)).Email);

        var link = LinkIn(Assert.Single(Smtp.Received, m => m.Recipient == fresh));
        Assert.StartsWith("https://intake.kommun.example/Staff/Account/ConfirmAddress?token=", link, StringComparison.Ordinal);
        var path = new Uri(link).PathAndQuery;
        using (var opened = await handler.Http.GetAsync(new Uri(path, UriKind.Relative)))
        {
            // Opening the link alone changes nothing (a mail scanner may open it).
            Assert.Equal(AddressOf(StaffWorld.WhistleblowingHandler), (await ProfileAsync(StaffWorld.WhistleblowingHandler)).Email);
            using var confirmed = await handler.PostFormAsync(opened, await Html.ParseAsync(opened), [], "main form.form");
            var text = (await Html.ParseAsync(confirmed)).QuerySelector("main")?.TextContent ?? confirmed.StatusCode.ToString();
            Assert.True(text.Contains("Adressen är bekräftad", StringComparison.Ordinal), text);
        }

        Assert.Equal(fresh, (await ProfileAsync(StaffWorld.WhistleblowingHandler)).Email);
        Assert.Contains(Smtp.Received, m => m.Recipient == AddressOf(StaffWorld.WhistleblowingHandler) && m.Subject == "Din e-postadress i Intake har ändrats");
        await SubmitWhistleblowingAsync("Rapport.");
        await SendDueAsync();
        Assert.Contains(Smtp.Received, m => m.Recipient == fresh && m.Body.Contains("En ny anmälan har kommit in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WrongOrForeignLink_IsRefused_AndBadAddress_KeepsWhatWasTyped()
    {
        using var handler = await SignInAsync(StaffWorld.WhistleblowingHandler);
        using (var bad = await handler.SubmitAsync(Page, new() { ["Address"] = "inte en adress" }, "form[action*='handler=Address']"))
        {
            var page = await Html.ParseAsync(bad);
            Assert.Equal("inte en adress", page.QuerySelector("input[name=Address]")!.GetAttribute("value"));
            Assert.Contains("Skriv en e-postadress", page.QuerySelector(".field-error")!.TextContent, StringComparison.Ordinal);
        }

        using (await handler.SubmitAsync(Page, new() { ["Address"] = "ny@" + Domain }, "form[action*='handler=Address']"))
        {
        }

        var token = new Uri(LinkIn(Smtp.Received.Single(m => m.Recipient == "ny@" + Domain))).Query;
        using var other = await SignInAsync(SecondHandler);
        using (var foreign = await other.SubmitAsync("/Staff/Account/ConfirmAddress" + token, [], "main form.form"))
        {
            Assert.Contains("Länken gäller inte", (await Html.ParseAsync(foreign)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        }

        using (var wrong = await handler.SubmitAsync("/Staff/Account/ConfirmAddress?token=AAAA" + token[10..], [], "main form.form"))
        {
            Assert.Contains("Länken gäller inte", (await Html.ParseAsync(wrong)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(AddressOf(StaffWorld.WhistleblowingHandler), (await ProfileAsync(StaffWorld.WhistleblowingHandler)).Email);
        Assert.Equal(AddressOf(SecondHandler), (await ProfileAsync(SecondHandler)).Email);
    }

    [Fact]
    public async Task MutedTopic_And_EnglishLanguage_AreHonoured()
    {
        using (var handler = await SignInAsync(StaffWorld.WhistleblowingHandler))
        {
            using var saved = await SavePreferencesAsync(handler, "sv", ["ReporterMessages"]);
        }

        using (var second = await SignInAsync(SecondHandler))
        {
            using var saved = await SavePreferencesAsync(second, "en", ["NewReports", "ReporterMessages"]);
        }

        await SendDueAsync();
        var before = Smtp.Received.Count;
        await SubmitWhistleblowingAsync("Rapport.");
        await SendDueAsync();

        var mail = Assert.Single(Smtp.Received.Skip(before));
        Assert.Equal(AddressOf(SecondHandler), mail.Recipient);
        Assert.Equal("New report in the Whistleblowing channel", mail.Subject);
    }

    [Fact]
    public async Task FinnishSpeakingMember_GetsTheNoticeInFinnish_WithTheChannelsFinnishName()
    {
        using (var second = await SignInAsync(SecondHandler))
        {
            using var get = await second.Http.GetAsync(new Uri(Page, UriKind.Relative));
            var choices = (await Html.ParseAsync(get)).QuerySelectorAll("select[name=Language] option").Select(o => o.TextContent.Trim()).ToList();
            Assert.Equal(["Svenska", "English", "Suomi"], choices);
            using var saved = await SavePreferencesAsync(second, "fi", ["NewReports"]);
        }

        Assert.Equal("fi", (await ProfileAsync(SecondHandler)).Language);
        await SendDueAsync();
        var before = Smtp.Received.Count;
        await SubmitWhistleblowingAsync("Rapport.");
        await SendDueAsync();

        var mails = Smtp.Received.Skip(before).ToList();
        var finnish = Assert.Single(mails, m => m.Recipient == AddressOf(SecondHandler));
        Assert.Equal("Uusi ilmoitus kanavassa Väärinkäytösten ilmoittaminen", finnish.Subject);
        Assert.StartsWith("Hei,", finnish.Body, StringComparison.Ordinal);
        Assert.Contains("Kanavaan Väärinkäytösten ilmoittaminen on saapunut uusi ilmoitus.", finnish.Body, StringComparison.Ordinal);
        Assert.Contains("Kirjaudu sisään nähdäksesi lisää: https://intake.kommun.example/Staff/SignIn", finnish.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("anmälan", finnish.Body, StringComparison.OrdinalIgnoreCase);
        var swedish = Assert.Single(mails, m => m.Recipient == AddressOf(StaffWorld.WhistleblowingHandler));
        Assert.Equal("Ny anmälan i kanalen Visselblåsning", swedish.Subject);
    }

    [Fact]
    public async Task DailyDigest_HoldsNotices_ThenSendsOneMailEveryDay_EvenWhenEmpty()
    {
        using (var handler = await SignInAsync(StaffWorld.WhistleblowingHandler))
        {
            using var saved = await SavePreferencesAsync(handler, "sv", ["NewReports"], digest: true);
        }

        await SendDueAsync();
        var before = Smtp.Received.Count;
        await SubmitWhistleblowingAsync("Rapport.");
        await SendDueAsync();
        Assert.DoesNotContain(Smtp.Received.Skip(before), m => m.Recipient == AddressOf(StaffWorld.WhistleblowingHandler));

        await MoveToLocalTimeAsync(1, new TimeSpan(7, 30, 0));
        await ScanAsync();
        await SendDueAsync();
        await MoveToLocalTimeAsync(1, TimeSpan.Zero);
        await ScanAsync();
        await SendDueAsync();

        var digests = Smtp.Received.Where(m => m.Recipient == AddressOf(StaffWorld.WhistleblowingHandler) && m.Subject == "Daglig sammanfattning från Intake").ToList();
        Assert.Equal(2, digests.Count);
        Assert.Contains("En ny anmälan har kommit in", digests[0].Body, StringComparison.Ordinal);
        Assert.Contains("Inget nytt sedan förra sammanfattningen", digests[1].Body, StringComparison.Ordinal);
    }

    private async Task MoveToLocalTimeAsync(int days, TimeSpan offsetFromDigest)
    {
        await using var scope = App.CreateScope();
        var zone = scope.ServiceProvider.GetRequiredService<Intake.Web.Cases.CaseCalendar>().Zone;
        var local = TimeZoneInfo.ConvertTime(App.Clock.GetUtcNow(), zone);
        var target = new DateTimeOffset(local.Date.AddDays(days) + new TimeSpan(7, 0, 0) + offsetFromDigest, local.Offset);
        App.Clock.Advance(target - local);
    }

    private static async Task<HttpResponseMessage> SavePreferencesAsync(StaffBrowserClient client, string language, string[] topics, bool digest = false)
    {
        using var get = await client.Http.GetAsync(new Uri(Page, UriKind.Relative));
        var page = await Html.ParseAsync(get);
        var form = page.QuerySelector("form[action*='handler=Preferences']")!;
        var values = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("Language", language),
            new("DailyDigest", digest ? "true" : "false"),
        };
        values.AddRange(topics.Select(t => new KeyValuePair<string, string>("Topics", t)));
        using var content = new FormUrlEncodedContent(values);
        var response = await client.Http.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), content);
        Assert.Contains("Dina val är sparade", (await Html.ParseAsync(response)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        return response;
    }

    private async Task<NotificationProfile> ProfileAsync(string username)
    {
        await using var scope = App.CreateScope();
        var user = await StaffWorld.UserAsync(scope, username);
        return await scope.ServiceProvider.GetRequiredService<IntakeDbContext>().NotificationProfiles.AsNoTracking().SingleAsync(p => p.StaffUserId == user.Id);
    }

    private static string LinkIn(ReceivedMail mail) =>
        mail.Body.Split('\n').Select(l => l.Trim()).Single(l => l.Contains("ConfirmAddress?token=", StringComparison.Ordinal));
}
