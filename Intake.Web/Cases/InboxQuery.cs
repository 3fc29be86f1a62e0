using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Cases;

public enum InboxSort
{
    Received = 0,
    Deadline = 1,
    Number = 2,
}

public enum AssigneeFilter
{
    Anyone = 0,
    Me = 1,
    Unassigned = 2,
}

/// <summary>What the handler asked the inbox for: filters, sort and page (1-based).</summary>
public sealed record InboxFilter
{
    public Guid? ChannelId { get; init; }

    public CaseStatus? Status { get; init; }

    public AssigneeFilter Assignee { get; init; }

    public bool OverdueOnly { get; init; }

    public bool IncludeDisposed { get; init; }

    public InboxSort Sort { get; init; }

    public bool Descending { get; init; } = true;

    public int Page { get; init; } = 1;
}

/// <summary>One case as the inbox shows it: clear columns only, never an entry or anything sealed.</summary>
public sealed record InboxRow(
    Guid Id,
    Guid ChannelId,
    string CaseNumber,
    DateOnly ReceivedOn,
    CaseStatus Status,
    bool AcknowledgementDeclined,
    DateOnly? AcknowledgementDue,
    DateOnly? AcknowledgedOn,
    DateOnly? FeedbackDue,
    DateOnly? FeedbackGivenOn,
    DateOnly? NextDeadline,
    string? NextDeadlineKind,
    bool Urgent,
    Guid? AssigneeId,
    string? Category,
    string? IncidentTypes,
    string? HandlerCategories,
    int UnreadReporterMessages,
    DateOnly? DisposedOn)
{
    /// <summary>True from the day after the earliest open deadline (<see cref="CaseDeadlines.IsOverdue"/>).</summary>
    public bool IsOverdue(DateOnly today) => NextDeadline is { } due && due < today;

    /// <summary>True when the overdue deadline is the acknowledgement; otherwise it is the feedback.</summary>
    public bool AcknowledgementOpen => AcknowledgementDue is not null && AcknowledgedOn is null;

    /// <summary>The category codes to show: the handler's own when set, else the reporter's.</summary>
    public IEnumerable<string> CategoryCodes =>
        (HandlerCategories ?? Category ?? IncidentTypes ?? string.Empty).Split('|', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Part of the list: the filtered cases (counted) and the same in display order (paged).</summary>
public sealed record InboxSegment(IQueryable<CaseRecord> Cases, IQueryable<CaseRecord> Ordered);

public sealed record InboxPage(IReadOnlyList<InboxRow> Rows, int Total, int Page, int PageCount, IReadOnlyDictionary<Guid, string> AssigneeNames)
{
    /// <summary>The cases of this page some handler has opened; the others are marked new.</summary>
    public IReadOnlySet<Guid> Opened { get; init; } = new HashSet<Guid>();
}

/// <summary>The start page's counts: overdue cases, unread reporter messages, new cases waiting for their acknowledgement,
/// overdue measures and open urgent cases.</summary>
public sealed record InboxSummary(int Overdue, int CasesWithUnread, int UnreadMessages, int AwaitingAcknowledgement, int OverdueMeasures = 0, int Urgent = 0);

/// <summary>
/// The handler's list of cases: filtered, sorted and paged in SQL over the clear columns of <c>Cases</c>, so it
/// never decrypts anything and never loads an entry. Every filter and sort is served by an index
/// (<see cref="CaseConfiguration"/>; checked with EXPLAIN QUERY PLAN in the tests). Open urgent cases come first
/// whatever the sort, as their own segment; sorting by deadline puts cases with no open deadline last, as a
/// further index range, because SQLite orders NULL first.
/// </summary>
public sealed class InboxQuery(IntakeDbContext db, CaseCalendar calendar)
{
    public const int PageSize = 50;

    public async Task<InboxPage> PageAsync(IReadOnlyCollection<Guid> channels, Guid me, InboxFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(filter);
        var segments = Segments(channels, me, filter, calendar.Today);
        var counts = new List<int>(segments.Count);
        foreach (var segment in segments)
        {
            counts.Add(await segment.Cases.CountAsync(cancellationToken));
        }

        var total = counts.Sum();
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, pageCount);
        var skip = (page - 1) * PageSize;
        var rows = new List<InboxRow>(PageSize);
        for (var i = 0; i < segments.Count && rows.Count < PageSize; i++)
        {
            if (skip >= counts[i])
            {
                skip -= counts[i];
                continue;
            }

            rows.AddRange(await RowsQuery(segments[i].Ordered.Skip(skip).Take(PageSize - rows.Count)).ToListAsync(cancellationToken));
            skip = 0;
        }

        var assigneeIds = rows.Where(r => r.AssigneeId is not null).Select(r => r.AssigneeId!.Value).Distinct().ToList();
        var names = assigneeIds.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.StaffUsers.AsNoTracking().Where(u => assigneeIds.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => u.DisplayName.Length > 0 ? u.DisplayName : u.Username, cancellationToken);
        var rowIds = rows.Select(r => (Guid?)r.Id).ToList();
        var opened = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Kind == Audit.AuditKinds.CaseViewed && rowIds.Contains(a.SubjectId))
            .Select(a => a.SubjectId!.Value).Distinct().ToListAsync(cancellationToken);
        return new InboxPage(rows, total, page, pageCount, names) { Opened = opened.ToHashSet() };
    }

    public async Task<InboxSummary> SummaryAsync(IReadOnlyCollection<Guid> channels, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channels);
        if (channels.Count == 0)
        {
            return new InboxSummary(0, 0, 0, 0);
        }

        var today = calendar.Today;
        var overdue = await OverdueQuery(channels, today).CountAsync(cancellationToken);
        var overdueMeasures = await OverdueMeasuresQuery(channels, today).CountAsync(cancellationToken);
        var urgent = await InChannels(channels, null).CountAsync(c => c.Urgent && c.Status != CaseStatus.Closed && c.DisposedOn == null, cancellationToken);
        var unread = await UnreadQuery(channels)
            .GroupBy(_ => 1)
            .Select(g => new { Cases = g.Count(), Messages = g.Sum(c => c.UnreadReporterMessages) })
            .SingleOrDefaultAsync(cancellationToken);
        var awaiting = await AwaitingAcknowledgementQuery(channels).CountAsync(cancellationToken);
        return new InboxSummary(overdue, unread?.Cases ?? 0, unread?.Messages ?? 0, awaiting, overdueMeasures, urgent);
    }

    /// <summary>The parts whose concatenation is the list: one, or two for the deadline sort (cases with an open
    /// deadline, then those without). Each has its filter (to count) and its ordered query (to read a page).</summary>
    public IReadOnlyList<InboxSegment> Segments(IReadOnlyCollection<Guid> channels, Guid me, InboxFilter filter, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var cases = Filtered(channels, me, filter, today);
        return [.. Sorted(cases.Where(c => c.Urgent && c.Status != CaseStatus.Closed), filter),
            .. Sorted(cases.Where(c => !c.Urgent || c.Status == CaseStatus.Closed), filter)];
    }

    /// <summary>Planned measures past their due day in the open cases of these channels.</summary>
    public IQueryable<CaseMeasure> OverdueMeasuresQuery(IReadOnlyCollection<Guid> channels, DateOnly today) =>
        from m in db.CaseMeasures.AsNoTracking()
        join c in InChannels(channels, null) on m.CaseId equals c.Id
        where m.Status == MeasureStatus.Planned && m.DueOn != null && m.DueOn < today && c.DisposedOn == null && c.Status != CaseStatus.Closed
        select m;

    private static IReadOnlyList<InboxSegment> Sorted(IQueryable<CaseRecord> cases, InboxFilter filter)
    {
        switch (filter.Sort)
        {
            case InboxSort.Number:
                return [new(cases, filter.Descending
                    ? cases.OrderByDescending(c => c.Year).ThenByDescending(c => c.Sequence)
                    : cases.OrderBy(c => c.Year).ThenBy(c => c.Sequence))];
            case InboxSort.Deadline:
                var open = cases.Where(c => c.NextDeadline != null);
                var none = cases.Where(c => c.NextDeadline == null);
                InboxSegment withDeadline = new(open, filter.Descending
                    ? open.OrderByDescending(c => c.NextDeadline).ThenByDescending(c => c.ReceivedOn)
                    : open.OrderBy(c => c.NextDeadline).ThenBy(c => c.ReceivedOn));
                return filter.OverdueOnly ? [withDeadline] : [withDeadline, new(none, none.OrderByDescending(c => c.ReceivedOn))];
            default:
                return [new(cases, filter.Descending
                    ? cases.OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Sequence)
                    : cases.OrderBy(c => c.ReceivedOn).ThenBy(c => c.Sequence))];
        }
    }

    public IQueryable<CaseRecord> OverdueQuery(IReadOnlyCollection<Guid> channels, DateOnly today) =>
        InChannels(channels, null).Where(c => c.DisposedOn == null && c.NextDeadline != null && c.NextDeadline < today);

    /// <summary>New cases whose acknowledgement is still to be sent (not those whose reporter declined one).</summary>
    public IQueryable<CaseRecord> AwaitingAcknowledgementQuery(IReadOnlyCollection<Guid> channels) =>
        InChannels(channels, null).Where(c => c.DisposedOn == null && c.Status == CaseStatus.Received && c.AcknowledgementDue != null && c.AcknowledgedOn == null);

    public IQueryable<CaseRecord> UnreadQuery(IReadOnlyCollection<Guid> channels) =>
        InChannels(channels, null).Where(c => c.UnreadReporterMessages > 0 && c.DisposedOn == null);

    private IQueryable<CaseRecord> Filtered(IReadOnlyCollection<Guid> channels, Guid me, InboxFilter filter, DateOnly today)
    {
        var cases = InChannels(channels, filter.ChannelId);
        if (!filter.IncludeDisposed)
        {
            cases = cases.Where(c => c.DisposedOn == null);
        }

        if (filter.Status is { } status)
        {
            cases = cases.Where(c => c.Status == status);
        }

        cases = filter.Assignee switch
        {
            AssigneeFilter.Me => cases.Where(c => c.AssigneeId == me),
            AssigneeFilter.Unassigned => cases.Where(c => c.AssigneeId == null),
            _ => cases,
        };
        return filter.OverdueOnly ? cases.Where(c => c.NextDeadline != null && c.NextDeadline < today) : cases;
    }

    /// <summary>The handler's channels, or the one asked for when it is among them; equality when only one, so
    /// that the index on (ChannelId, ...) also gives the order.</summary>
    private IQueryable<CaseRecord> InChannels(IReadOnlyCollection<Guid> channels, Guid? only)
    {
        ArgumentNullException.ThrowIfNull(channels);
        var cases = db.Cases.AsNoTracking();
        if (only is { } one)
        {
            return channels.Contains(one) ? cases.Where(c => c.ChannelId == one) : cases.Where(_ => false);
        }

        if (channels.Count == 1)
        {
            var single = channels.First();
            return cases.Where(c => c.ChannelId == single);
        }

        return channels.Count == 0 ? cases.Where(_ => false) : cases.Where(c => channels.Contains(c.ChannelId));
    }

    /// <summary>The clear columns the inbox shows, and nothing else.</summary>
    public static IQueryable<InboxRow> RowsQuery(IQueryable<CaseRecord> cases) => cases.Select(c => new InboxRow(
        c.Id, c.ChannelId, c.CaseNumber, c.ReceivedOn, c.Status, c.AcknowledgementDeclined, c.AcknowledgementDue, c.AcknowledgedOn,
        c.FeedbackDue, c.FeedbackGivenOn, c.NextDeadline, c.NextDeadlineKind, c.Urgent, c.AssigneeId, c.Category, c.IncidentTypes, c.HandlerCategories,
        c.UnreadReporterMessages, c.DisposedOn));
}
