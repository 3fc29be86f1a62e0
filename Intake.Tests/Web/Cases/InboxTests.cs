using System.Net;
using AngleSharp.Dom;
using Intake.Tests.Infrastructure;
using Intake.Web.Cases;
using Intake.Web.Keys;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Intake.Tests.Web.Cases;

/// <summary>The case inbox at /Staff/Cases, driven like a browser without JavaScript over seeded cases.</summary>
public sealed class InboxTests : OrganisationTestBase
{
    private static readonly DateTimeOffset _noonInJune = new(2026, 6, 10, 10, 0, 0, TimeSpan.Zero);
    private readonly CaseSeeder _seeder;

    public InboxTests() => _seeder = new CaseSeeder(App);

    private static DateOnly Today => new(2026, 6, 10);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        App.Clock.Advance(_noonInJune - App.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Handler_SeesOnlyTheCasesOfTheirOwnChannel()
    {
        await SeedAsync(ChannelCodes.Whistleblowing, Today.AddDays(-1));
        await SeedAsync(ChannelCodes.Whistleblowing, Today.AddDays(-2));
        await SeedAsync(ChannelCodes.Threat, Today.AddDays(-1));
        using var wb = await SignedInAsync(StaffWorld.WhistleblowingHandler);
        using var tv = await SignedInAsync(StaffWorld.ThreatHandler);

        var wbPage = await GetAsync(wb, "/Staff/Cases");
        var wbAskingForThreats = await GetAsync(wb, "/Staff/Cases?channel=threat");
        var tvPage = await GetAsync(tv, "/Staff/Cases");

        Assert.Equal(["VB-2026-0001", "VB-2026-0002"], CaseNumbers(wbPage).Order());
        Assert.Equal(["VB-2026-0001", "VB-2026-0002"], CaseNumbers(wbAskingForThreats).Order());
        Assert.Equal(["HV-2026-0001"], CaseNumbers(tvPage));
    }

    [Fact]
    public async Task Administrator_IsRefused_AndAnonymousIsSentToSignIn()
    {
        await SeedAsync(ChannelCodes.Whistleblowing, Today);
        using var admin = await SignedInAsync(StaffWorld.AdminName);
        using var anonymous = new StaffBrowserClient(App);

        using var adminResponse = await admin.Http.GetAsync(new Uri("/Staff/Cases", UriKind.Relative));
        using var anonymousResponse = await anonymous.Http.GetAsync(new Uri("/Staff/Cases", UriKind.Relative));
        var adminStart = await GetAsync(admin, "/Staff");

        Assert.Equal(HttpStatusCode.Forbidden, adminResponse.StatusCode);
        Assert.DoesNotContain("VB-2026-0001", await adminResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("/Staff/SignIn", anonymousResponse.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Null(adminStart.QuerySelector("nav.staff-nav a[href='/Staff/Cases']"));
        Assert.Null(adminStart.QuerySelector("#inbox-summary"));
    }

    [Fact]
    public async Task Row_ShowsTheCaseInWords_WithALinkToIt()
    {
        var me = await UserIdAsync(StaffWorld.WhistleblowingHandler);
        var record = await SeedAsync(ChannelCodes.Whistleblowing, Today.AddDays(-3), c =>
        {
            c.Status = CaseStatus.Acknowledged;
            c.AcknowledgedOn = Today.AddDays(-2);
            c.AssigneeId = me;
            c.Category = "bribery";
            c.HandlerCategories = "bribery|procurement";
            c.UnreadReporterMessages = 2;
        });
        using var wb = await SignedInAsync(StaffWorld.WhistleblowingHandler);

        var page = await GetAsync(wb, "/Staff/Cases");
        var cells = Rows(page).Single().Children.Select(c => c.TextContent.Trim()).ToList();

        Assert.Equal($"/Staff/Cases/{record.Id}", Rows(page).Single().QuerySelector("th[scope=row] a")!.GetAttribute("href"));
        Assert.Equal("VB-2026-0001 Ny", cells[0]);
        Assert.Equal("Visselblåsning", cells[1][..14]);
        Assert.Equal("2026-06-07", cells[2]);
        Assert.Equal("Mottagandet bekräftat", cells[3]);
        Assert.Equal("Återkoppling: 2026-09-08", Squash(cells[4]));
        Assert.Equal(StaffWorld.WhistleblowingHandler, cells[5]);
        Assert.Equal("Mutor och korruption, Oegentligheter vid upphandling", cells[6]);
        Assert.Equal("2", cells[7]);
        Assert.Equal(8, cells.Count);
    }

    [Fact]
    public async Task DeclinedAcknowledgement_AndGivenFeedback_AreSaidInWords()
    {
        await SeedAsync(ChannelCodes.Whistleblowing, Today.AddDays(-1), c => c.AcknowledgementDeclined = true);
        await SeedAsync(ChannelCodes.Whistleblowing, Today.AddDays(-30), c =>
        {
            c.AcknowledgedOn = Today.AddDays(-29);
            c.FeedbackGivenOn = Today.AddDays(-5);
            c.Status = CaseStatus.FeedbackGiven;
            c.Category = "bribery";
        });
        await SeedAsync(ChannelCodes.Threat, Today.AddDays(-30), c => c.IncidentTypes = "harassment|doxing");
        using var wb = await SignedInAsync(StaffWorld.WhistleblowingHandler);
        using var tv = await SignedInAsync(StaffWorld.ThreatHandler);

        var page = await GetAsync(wb, "/Staff/Cases");
        var rows = Rows(page).Select(r => r.Children.Select(c => Squash(c.TextContent)).ToList()).ToList();
        var threat = Rows(await GetAsync(tv, "/Staff/Cases")).Single().Children.Select(c => Squash(c.TextContent)).ToList();

        // A declined acknowledgement leaves the feedback as the next deadline; feedback given leaves none.
        Assert.StartsWith("Återkoppling: ", rows[0][4], StringComparison.Ordinal);
        Assert.Equal("Ingen", rows[1][4]);
        Assert.Equal("Mutor och korruption", rows[1][6]);
        Assert.Equal("Återkoppling lämnad", rows[1][3]);
        // The whistleblowing act's acknowledgement and feedback do not apply to threats and violence.
        Assert.DoesNotContain("Återkoppling", threat[4], StringComparison.Ordinal);
        Assert.DoesNotContain("Bekräftelse", threat[4], StringComparison.Ordinal);
        Assert.Equal("Trakasserier eller kränkningar, Spridning av personuppgifter", threat[6]);
    }

    [Fact]
    public async Task Overdue_IsMarkedInWordsAndColour_FromTheDayAfterTheDueDay()
    {
        // Received 7 days ago: the acknowledgement is due today, so not yet overdue.
        await SeedAsync(ChannelCodes.Whistleblowing, Today.AddDays(-7));
        using (var onDueDay = await SignedInAsync(StaffWorld.WhistleblowingHandler))
        {
            var page = await GetAsync(onDueDay, "/Staff/Cases");
            Assert.Null(Rows(page).Single().GetAttribute("class"));
            Assert.Empty(page.QuerySelectorAll(".overdue-tag"));
            Assert.Empty(CaseNumbers(await GetAsync(onDueDay, "/Staff/Cases?overdue=true")));
        }

        App.Clock.Advance(TimeSpan.FromDays(1));
        using var dayAfter = await SignedInAsync(StaffWorld.WhistleblowingHandler);

        var late = await GetAsync(dayAfter, "/Staff/Cases");
        var row = Rows(late).Single();
        Assert.Equal("inbox-row--overdue", row.GetAttribute("class"));
        Assert.Equal(["Försenad"], row.QuerySelectorAll(".overdue-tag").Select(t => t.TextContent.Trim()));
        Assert.Equal("deadline--overdue", row.Children[4].GetAttribute("class"));
        Assert.StartsWith("Bekräftelse av mottagandet: ", Squash(row.Children[4].TextContent), StringComparison.Ordinal);
        Assert.Single(CaseNumbers(await GetAsync(dayAfter, "/Staff/Cases?overdue=true")));
        var english = await GetAsync(dayAfter, "/en/Staff/Cases");
        Assert.Equal("Overdue", english.QuerySelector(".overdue-tag")!.TextContent.Trim());
    }

    [Fact]
    public async Task Filters_ByStatusAssigneeAndOverdue_AndTheFormKeepsTheChoices()
    {
        var me = await UserIdAsync(StaffWorld.WhistleblowingHandler);
        var other = await UserIdAsync(StaffWorld.AdminName);
        await SeedAsync(ChannelCodes.Whistleblowing, Today.AddDays(-1));                                       // 0001 received, unassigned
        await SeedAsync(ChannelCodes.Whistleblowing, Today.AddDays(-2), c => c.AssigneeId = me);                // 0002 received, mine
        await SeedAsync(ChannelCodes.Whistleblowing, Today.AddDays(-20), c => c.AssigneeId = me);               // 0003 received, mine, overdue
        await SeedAsync(ChannelCodes.Whistleblowing, Today.AddDays(-40), c =>                                     // 0004 under investigation, other's
        {
            c.Status = CaseStatus.UnderInvestigation;
            c.AcknowledgedOn = Today.AddDays(-39);
            c.AssigneeId = other;
        });
        await SeedAsync(ChannelCodes.Whistleblowing, Today.AddDays(-100), c =>                                    // 0005 under investigation, overdue feedback
        {
            c.Status = CaseStatus.UnderInvestigation;
            c.AcknowledgedOn = Today.AddDays(-99);
        });
        using var wb = await SignedInAsync(StaffWorld.WhistleblowingHandler);

        Assert.Equal(["0001", "0002", "0003", "0004", "0005"], Numbers(await GetAsync(wb, "/Staff/Cases")));
        Assert.Equal(["0002", "0003"], Numbers(await GetAsync(wb, "/Staff/Cases?assignee=Me")));
        Assert.Equal(["0001", "0005"], Numbers(await GetAsync(wb, "/Staff/Cases?assignee=Unassigned")));
        Assert.Equal(["0004", "0005"], Numbers(await GetAsync(wb, "/Staff/Cases?status=UnderInvestigation")));
        Assert.Equal(["0003", "0005"], Numbers(await GetAsync(wb, "/Staff/Cases?overdue=true")));
        var combined = await GetAsync(wb, "/Staff/Cases?status=UnderInvestigation&assignee=Unassigned&overdue=true&sort=Number&dir=asc");
        Assert.Equal(["0005"], Numbers(combined));

        Assert.Equal("UnderInvestigation", combined.QuerySelector("#f-status option[selected]")!.GetAttribute("value"));
        Assert.Equal("Unassigned", combined.QuerySelector("#f-assignee option[selected]")!.GetAttribute("value"));
        Assert.True(combined.QuerySelector("#f-overdue")!.HasAttribute("checked"));
        Assert.False(combined.QuerySelector("#f-disposed")!.HasAttribute("checked"));
        Assert.Equal("Number", combined.QuerySelector("#f-sort option[selected]")!.GetAttribute("value"));
        Assert.Equal("asc", combined.QuerySelector("#f-dir option[selected]")!.GetAttribute("value"));
        Assert.Equal("get", combined.QuerySelector("form.inbox-filters")!.GetAttribute("method"));
    }

    [Fact]
    public async Task DisposedCases_AreHiddenUnlessAskedFor()
    {
        await SeedAsync(ChannelCodes.Whistleblowing, Today.AddDays(-1));
        await SeedAsync(ChannelCodes.Whistleblowing, new DateOnly(2022, 3, 1), c =>
        {
            c.Status = CaseStatus.Closed;
            c.ClosedOn = new DateOnly(2022, 6, 1);
            c.DisposeOn = new DateOnly(2024, 6, 1);
            c.DisposedOn = new DateOnly(2024, 6, 1);
        });
        using var wb = await SignedInAsync(StaffWorld.WhistleblowingHandler);

        var normal = await GetAsync(wb, "/Staff/Cases");
        var withDisposed = await GetAsync(wb, "/Staff/Cases?disposed=true");

        Assert.Equal(["VB-2026-0001"], CaseNumbers(normal));
        Assert.Equal(["VB-2026-0001", "VB-2022-0001"], CaseNumbers(withDisposed));
        Assert.Equal("Avslutat, gallrat", Squash(Rows(withDisposed)[1].Children[3].TextContent));
    }

    [Fact]
    public async Task Sorting_ByReceivedDeadlineAndNumber_IsAnnouncedWithAriaSort()
    {
        await SeedAsync(ChannelCodes.Whistleblowing, Today.AddDays(-1), c => { c.AcknowledgedOn = Today; c.Status = CaseStatus.Acknowledged; }); // 0001 next: feedback in 3 months
        await SeedAsync(ChannelCodes.Whistleblowing, Today.AddDays(-5));                                                  // 0002 next: ack in 2 days
        await SeedAsync(ChannelCodes.Whistleblowing, Today.AddDays(-3), c => { c.Status = CaseStatus.Closed; c.ClosedOn = Today; }); // 0003 no deadline
        await SeedAsync(ChannelCodes.Whistleblowing, Today.AddDays(-10));                                                 // 0004 next: ack overdue
        using var wb = await SignedInAsync(StaffWorld.WhistleblowingHandler);

        var byReceived = await GetAsync(wb, "/Staff/Cases");
        Assert.Equal(["0001", "0003", "0002", "0004"], Numbers(byReceived));
        Assert.Equal("descending", byReceived.QuerySelector("th[aria-sort]")!.GetAttribute("aria-sort"));
        Assert.Single(byReceived.QuerySelectorAll("th[aria-sort]"));
        Assert.Contains("Mottaget", byReceived.QuerySelector("th[aria-sort]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("sorterade efter mottagningsdag, fallande", Squash(byReceived.QuerySelector("caption")!.TextContent), StringComparison.Ordinal);

        Assert.Equal(["0004", "0002", "0003", "0001"], Numbers(await GetAsync(wb, "/Staff/Cases?dir=asc")));

        var byDeadline = await GetAsync(wb, "/Staff/Cases?sort=Deadline");
        Assert.Equal(["0004", "0002", "0001", "0003"], Numbers(byDeadline));
        Assert.Equal("ascending", byDeadline.QuerySelector("th[aria-sort]")!.GetAttribute("aria-sort"));
        Assert.Contains("Nästa tidsfrist", byDeadline.QuerySelector("th[aria-sort]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["0001", "0002", "0004", "0003"], Numbers(await GetAsync(wb, "/Staff/Cases?sort=Deadline&dir=desc")));

        var byNumber = await GetAsync(wb, "/Staff/Cases?sort=Number&dir=asc");
        Assert.Equal(["0001", "0002", "0003", "0004"], Numbers(byNumber));
        Assert.Equal("ascending", byNumber.QuerySelector("th[aria-sort]")!.GetAttribute("aria-sort"));

        // The sorted column's header link reverses the order; following it gives the reverse.
        var reverse = byNumber.QuerySelector("th[aria-sort] a")!.GetAttribute("href")!;
        Assert.Equal(["0004", "0003", "0002", "0001"], Numbers(await GetAsync(wb, reverse)));
    }

    [Fact]
    public async Task Paging_50APage_WithPreviousNextAndPageXOfY_KeepingTheFilters()
    {
        await SeedManyAsync(ChannelCodes.Whistleblowing, 120);
        await SeedAsync(ChannelCodes.Whistleblowing, Today, c => { c.Status = CaseStatus.Closed; c.ClosedOn = Today; });
        using var wb = await SignedInAsync(StaffWorld.WhistleblowingHandler);

        var first = await GetAsync(wb, "/Staff/Cases?status=Received&sort=Number&dir=asc");
        Assert.Equal(50, Rows(first).Count);
        Assert.Equal("0001", Numbers(first)[0]);
        Assert.Equal("Sida 1 av 3", first.QuerySelector(".pager [aria-current=page]")!.TextContent.Trim());
        Assert.Contains("120 ärenden", first.QuerySelector("#inbox-count")!.TextContent, StringComparison.Ordinal);
        Assert.Null(first.QuerySelector(".pager a[rel=prev]"));

        var next = first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains("status=Received", next, StringComparison.Ordinal);
        Assert.Contains("sort=Number", next, StringComparison.Ordinal);
        Assert.Contains("p=2", next, StringComparison.Ordinal);
        var second = await GetAsync(wb, next);
        Assert.Equal("0051", Numbers(second)[0]);
        Assert.Equal("Sida 2 av 3", second.QuerySelector(".pager [aria-current=page]")!.TextContent.Trim());

        var third = await GetAsync(wb, second.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!);
        Assert.Equal(20, Rows(third).Count);
        Assert.Equal("0120", Numbers(third)[^1]);
        Assert.Null(third.QuerySelector(".pager a[rel=next]"));
        var back = await GetAsync(wb, third.QuerySelector(".pager a[rel=prev]")!.GetAttribute("href")!);
        Assert.Equal("0051", Numbers(back)[0]);

        var beyond = await GetAsync(wb, "/Staff/Cases?status=Received&sort=Number&dir=asc&p=99");
        Assert.Equal("Sida 3 av 3", beyond.QuerySelector(".pager [aria-current=page]")!.TextContent.Trim());
        var deadlineSecond = await GetAsync(wb, "/Staff/Cases?sort=Deadline&p=3");
        Assert.Equal(21, Rows(deadlineSecond).Count);
        Assert.Equal("Ingen", Squash(Rows(deadlineSecond)[^1].Children[4].TextContent));
    }

    [Fact]
    public async Task UnreadMessagesAndOverdue_ShowOnTheStartPage_WithALinkToTheInbox()
    {
        await SeedAsync(ChannelCodes.Whistleblowing, Today.AddDays(-1), c => c.UnreadReporterMessages = 3);
        await SeedAsync(ChannelCodes.Whistleblowing, Today.AddDays(-9), c => c.UnreadReporterMessages = 1);
        await SeedAsync(ChannelCodes.Threat, Today.AddDays(-30), c => c.UnreadReporterMessages = 5);
        using var wb = await SignedInAsync(StaffWorld.WhistleblowingHandler);

        var start = await GetAsync(wb, "/Staff");
        var summary = Squash(start.QuerySelector("#inbox-summary")!.ParentElement!.TextContent);
        var inbox = await GetAsync(wb, "/Staff/Cases");

        Assert.Contains("1 försenade ärenden", summary, StringComparison.Ordinal);
        Assert.Contains("4 olästa meddelanden från anmälare i 2 ärenden", summary, StringComparison.Ordinal);
        Assert.NotNull(start.QuerySelector("#inbox-summary ~ p a[href='/Staff/Cases']"));
        Assert.NotNull(start.QuerySelector("nav.staff-nav a[href='/Staff/Cases']"));
        Assert.Equal(["3", "1"], Rows(inbox).Select(r => r.Children[7].TextContent.Trim()));
        Assert.Contains("unread", Rows(inbox)[0].Children[7].ClassList);
        var overdueLink = start.QuerySelector("#inbox-summary ~ ul a")!.GetAttribute("href")!;
        Assert.Equal(["0002"], Numbers(await GetAsync(wb, overdueLink)));
    }

    [Fact]
    public async Task AReportFromTheForm_AppearsInTheInbox_InEnglishToo()
    {
        using var reporter = new ReporterClient(App);
        await reporter.SubmitAsync("/report/whistleblowing", ReporterClient.MinimalWhistleblowing("the inbox lists me"));
        using var wb = await SignedInAsync(StaffWorld.WhistleblowingHandler);

        var page = await GetAsync(wb, "/en/Staff/Cases");
        var cells = Rows(page).Single().Children.Select(c => Squash(c.TextContent)).ToList();

        Assert.Equal("VB-2026-0001 New", cells[0]);
        Assert.Equal("Received", cells[3]);
        Assert.Equal("Bribery and corruption", cells[6]);
        Assert.Equal("None", cells[5]);
        Assert.Equal("Cases", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.StartsWith("/en/Staff/Cases/", Rows(page).Single().QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("sorted by date received, descending", Squash(page.QuerySelector("caption")!.TextContent), StringComparison.Ordinal);
        Assert.DoesNotContain("the inbox lists me", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Table_IsInAScrollContainer_WithCaptionAndScopes()
    {
        await SeedAsync(ChannelCodes.Whistleblowing, Today);
        using var wb = await SignedInAsync(StaffWorld.WhistleblowingHandler);

        var page = await GetAsync(wb, "/Staff/Cases");

        var region = page.QuerySelector("div.table-scroll[role=region][tabindex='0']")!;
        Assert.Equal("inbox-caption", region.GetAttribute("aria-labelledby"));
        Assert.NotNull(region.QuerySelector("table > caption#inbox-caption"));
        Assert.All(page.QuerySelectorAll("thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        Assert.All(page.QuerySelectorAll("tbody tr"), tr => Assert.Equal("row", tr.Children[0].GetAttribute("scope")));
        Assert.All(page.QuerySelectorAll("form.inbox-filters select, form.inbox-filters input[type=checkbox]"),
            control => Assert.NotNull(page.QuerySelector($"label[for='{control.Id}']")));
    }

    [Fact]
    public async Task NonsenseInTheQuery_IsIgnored()
    {
        await SeedAsync(ChannelCodes.Whistleblowing, Today);
        using var wb = await SignedInAsync(StaffWorld.WhistleblowingHandler);

        var page = await GetAsync(wb, "/Staff/Cases?status=Bogus&assignee=x&sort=zzz&dir=sideways&p=-5&overdue=maybe&channel=%3Cscript%3E");

        Assert.Equal(["VB-2026-0001"], CaseNumbers(page));
        Assert.Contains("sida 1 av 1", page.QuerySelector("#inbox-count")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandlerOfTwoChannels_ListsBoth_AndCanNarrowToOne()
    {
        await SeedAsync(ChannelCodes.Whistleblowing, Today.AddDays(-1));
        await SeedAsync(ChannelCodes.Threat, Today.AddDays(-2), c => c.UnreadReporterMessages = 4);
        await SeedAsync(ChannelCodes.Threat, Today.AddDays(-20));
        await using var scope = App.CreateScope();
        var inbox = scope.ServiceProvider.GetRequiredService<InboxQuery>();
        var wb = (await StaffWorld.ChannelAsync(scope, ChannelCodes.Whistleblowing)).Id;
        var tv = (await StaffWorld.ChannelAsync(scope, ChannelCodes.Threat)).Id;

        var both = await inbox.PageAsync([wb, tv], Guid.NewGuid(), new InboxFilter());
        var threats = await inbox.PageAsync([wb, tv], Guid.NewGuid(), new InboxFilter { ChannelId = tv, Sort = InboxSort.Number, Descending = false });
        var notMine = await inbox.PageAsync([wb], Guid.NewGuid(), new InboxFilter { ChannelId = tv });
        var summary = await inbox.SummaryAsync([wb, tv]);

        Assert.Equal(["VB-2026-0001", "HV-2026-0001", "HV-2026-0002"], both.Rows.Select(r => r.CaseNumber));
        Assert.Equal(["HV-2026-0001", "HV-2026-0002"], threats.Rows.Select(r => r.CaseNumber));
        Assert.Empty(notMine.Rows);
        // The whistleblowing case is 1 day old and the threats cases have no whistleblowing deadlines: none is
        // overdue, and only the whistleblowing case waits for an acknowledgement.
        Assert.Equal(new InboxSummary(0, 1, 4, 1), summary);
    }

    // ---- Helpers --------------------------------------------------------------------------------------------

    private async Task<StaffBrowserClient> SignedInAsync(string username)
    {
        var client = new StaffBrowserClient(App);
        await client.SignInAsync(username);
        return client;
    }

    private static async Task<IDocument> GetAsync(StaffBrowserClient client, string path)
    {
        using var response = await client.Http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new Uri(path, UriKind.Relative).ToString().Split('?')[0], response.RequestMessage!.RequestUri!.AbsolutePath);
        return await Html.ParseAsync(response);
    }

    private static List<IElement> Rows(IDocument page) => page.QuerySelectorAll("table.inbox tbody tr").ToList();

    private static List<string> CaseNumbers(IDocument page) => Rows(page).Select(r => r.QuerySelector("th[scope=row] a")!.TextContent.Trim()).ToList();

    private static List<string> Numbers(IDocument page) => CaseNumbers(page).Select(n => n[^4..]).ToList();

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private async Task<Guid> UserIdAsync(string username)
    {
        await using var scope = App.CreateScope();
        return (await StaffWorld.UserAsync(scope, username)).Id;
    }

    private Task<CaseRecord> SeedAsync(string channelCode, DateOnly receivedOn, Action<CaseRecord>? shape = null) =>
        _seeder.AddAsync(channelCode, receivedOn, shape);

    private async Task SeedManyAsync(string channelCode, int count) =>
        await _seeder.AddManyAsync(channelCode, count, i => Today.AddDays(-(i % 5)));
}
