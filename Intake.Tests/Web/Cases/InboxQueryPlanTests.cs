using System.Data.Common;
using System.Text;
using Intake.Tests.Infrastructure;
using Intake.Web.Cases;
using Intake.Web.Keys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Intake.Tests.Web.Cases;

/// <summary>
/// Every filter and sort combination of the inbox, and the start page's counts, read the Cases table through an
/// index (SQLite's EXPLAIN QUERY PLAN says SEARCH, never a plain SCAN), and select no sealed column or entry.
/// </summary>
[Trait("Engine", "Sqlite")] // SQLite's query planner; PostgreSQL plans by statistics and scans small tables
public sealed class InboxQueryPlanTests(ITestOutputHelper output) : OrganisationTestBase
{
    public static TheoryData<bool, bool> ChannelScopes() => new() { { false, false }, { false, true }, { true, false } };

    [Theory]
    [MemberData(nameof(ChannelScopes))]
    public async Task EveryFilterAndSort_SearchesAnIndex(bool bothChannels, bool pickOne)
    {
        await using var scope = App.CreateScope();
        var inbox = scope.ServiceProvider.GetRequiredService<InboxQuery>();
        var wb = await StaffWorld.ChannelAsync(scope, ChannelCodes.Whistleblowing);
        var tv = await StaffWorld.ChannelAsync(scope, ChannelCodes.Threat);
        IReadOnlyCollection<Guid> channels = bothChannels ? [wb.Id, tv.Id] : [wb.Id];
        var report = new StringBuilder();
        var sortedInIndexOrder = 0;
        var combinations = 0;
        foreach (var filter in Filters(pickOne ? wb.Id : null))
        {
            foreach (var segment in inbox.Segments(channels, Guid.NewGuid(), filter, new DateOnly(2026, 11, 24)))
            {
                var rows = await PlanAsync(InboxQuery.RowsQuery(segment.Ordered.Skip(100).Take(InboxQuery.PageSize)));
                var count = await CountPlanAsync(segment.Cases);
                AssertSearches(filter, rows);
                AssertSearches(filter, count);
                combinations++;
                if (!rows.Contains("TEMP B-TREE", StringComparison.Ordinal))
                {
                    sortedInIndexOrder++;
                }

                report.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"{filter}: {rows.ReplaceLineEndings(" | ")}");
            }
        }

        output.WriteLine($"{sortedInIndexOrder} of {combinations} queries read rows in index order without sorting");
        output.WriteLine(report.ToString());
        if (!bothChannels)
        {
            // With one channel the default view and each plain sort come straight out of an index.
            foreach (var sort in Enum.GetValues<InboxSort>())
            {
                foreach (var segment in inbox.Segments(channels, Guid.NewGuid(), new InboxFilter { Sort = sort }, new DateOnly(2026, 11, 24)))
                {
                    var plan = await PlanAsync(segment.Ordered.Take(InboxQuery.PageSize));
                    Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public async Task SummaryCounts_SearchAnIndex()
    {
        await using var scope = App.CreateScope();
        var inbox = scope.ServiceProvider.GetRequiredService<InboxQuery>();
        var wb = await StaffWorld.ChannelAsync(scope, ChannelCodes.Whistleblowing);
        var tv = await StaffWorld.ChannelAsync(scope, ChannelCodes.Threat);
        foreach (IReadOnlyCollection<Guid> channels in new[] { new[] { wb.Id }, new[] { wb.Id, tv.Id } })
        {
            var overdue = await CountPlanAsync(inbox.OverdueQuery(channels, new DateOnly(2026, 11, 24)));
            var unread = await PlanAsync(inbox.UnreadQuery(channels).Select(c => c.UnreadReporterMessages));
            Assert.Contains("SEARCH c USING COVERING INDEX IX_Cases_Inbox_Deadline", overdue, StringComparison.Ordinal);
            Assert.Contains("SEARCH c USING INDEX IX_Cases_Inbox_Unread", unread, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Rows_SelectNoSealedColumnAndNoEntry()
    {
        await using var scope = App.CreateScope();
        var inbox = scope.ServiceProvider.GetRequiredService<InboxQuery>();
        var wb = await StaffWorld.ChannelAsync(scope, ChannelCodes.Whistleblowing);
        var segment = inbox.Segments([wb.Id], Guid.NewGuid(), new InboxFilter(), new DateOnly(2026, 11, 24))[0];

        var sql = InboxQuery.RowsQuery(segment.Ordered.Take(InboxQuery.PageSize)).ToQueryString();

        Assert.DoesNotContain("Sealed", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("CaseEntries", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("Mailbox", sql, StringComparison.Ordinal);
    }

    private static IEnumerable<InboxFilter> Filters(Guid? channel)
    {
        CaseStatus?[] statuses = [null, CaseStatus.Received, CaseStatus.Closed];
        foreach (var status in statuses)
        {
            foreach (var assignee in Enum.GetValues<AssigneeFilter>())
            {
                foreach (var overdue in new[] { false, true })
                {
                    foreach (var disposed in new[] { false, true })
                    {
                        foreach (var sort in Enum.GetValues<InboxSort>())
                        {
                            foreach (var descending in new[] { false, true })
                            {
                                yield return new InboxFilter
                                {
                                    ChannelId = channel,
                                    Status = status,
                                    Assignee = assignee,
                                    OverdueOnly = overdue,
                                    IncludeDisposed = disposed,
                                    Sort = sort,
                                    Descending = descending,
                                };
                            }
                        }
                    }
                }
            }
        }
    }

    private static void AssertSearches(InboxFilter filter, string plan)
    {
        // EF aliases the table as "c": a SEARCH through an index is the only way it may be read.
        var lines = plan.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Any(l => l.StartsWith("SEARCH c USING ", StringComparison.Ordinal)), $"{filter}\n{plan}");
        foreach (var line in lines)
        {
            Assert.False(line.StartsWith("SCAN", StringComparison.Ordinal), $"{filter}\n{plan}");
            Assert.True(!line.StartsWith("SEARCH", StringComparison.Ordinal) || line.Contains(" INDEX ", StringComparison.Ordinal), $"{filter}\n{plan}");
        }
    }

    /// <summary>The query plan of a query, one detail per line.</summary>
    private static async Task<string> PlanAsync<T>(IQueryable<T> query) => await ExplainAsync(query.CreateDbCommand());

    /// <summary>The plan of the COUNT(*) the page runs over a filter (EF drops the ordering for a count).</summary>
    private static async Task<string> CountPlanAsync(IQueryable<CaseRecord> cases)
    {
        var command = cases.Select(c => c.Id).CreateDbCommand();
        const string select = "SELECT \"c\".\"Id\"";
        Assert.StartsWith(select, command.CommandText, StringComparison.Ordinal);
        command.CommandText = "SELECT COUNT(*)" + command.CommandText[select.Length..];
        return await ExplainAsync(command);
    }

    private static async Task<string> ExplainAsync(DbCommand command)
    {
        using (command)
        {
            command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
            await command.Connection!.OpenAsync();
            try
            {
                await using var reader = await command.ExecuteReaderAsync();
                var plan = new StringBuilder();
                while (await reader.ReadAsync())
                {
                    plan.Append(reader.GetString(3)).Append('\n');
                }

                return plan.ToString();
            }
            finally
            {
                await command.Connection.CloseAsync();
            }
        }
    }
}
