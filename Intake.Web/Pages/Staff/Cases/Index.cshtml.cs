using System.Globalization;
using Intake.Web.Accounts;
using Intake.Web.Cases;
using Intake.Web.Keys;
using Intake.Web.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Pages.Staff.Cases;

/// <summary>
/// The handler's inbox: the cases of their channels, filtered, sorted and paged by GET query so that it works
/// without JavaScript and every view has a URL. Reads clear columns only (<see cref="InboxQuery"/>).
/// </summary>
public sealed class IndexModel(CaseAccess access, InboxQuery inbox, IntakeDbContext db, CaseCalendar calendar) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "channel")]
    public string? ChannelCode { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public CaseStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "assignee")]
    public AssigneeFilter Assignee { get; set; }

    [BindProperty(SupportsGet = true, Name = "overdue")]
    public bool OverdueOnly { get; set; }

    [BindProperty(SupportsGet = true, Name = "disposed")]
    public bool IncludeDisposed { get; set; }

    [BindProperty(SupportsGet = true, Name = "sort")]
    public InboxSort Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "dir")]
    public string? Direction { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Channel> Channels { get; private set; } = [];

    public InboxPage Result { get; private set; } = new([], 0, 1, 1, new Dictionary<Guid, string>());

    public DateOnly Today { get; private set; }

    /// <summary>Newest first by receipt and number, most urgent first by deadline, unless asked otherwise.</summary>
    public bool Descending => Direction switch
    {
        "asc" => false,
        "desc" => true,
        _ => Sort != InboxSort.Deadline,
    };

    public async Task OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var channelIds = await access.ChannelsOfAsync(HttpContext, cancellationToken);
        Channels = await db.Channels.AsNoTracking().Where(c => channelIds.Contains(c.Id)).OrderBy(c => c.Code).ToListAsync(cancellationToken);
        var selected = Channels.FirstOrDefault(c => string.Equals(c.Code, ChannelCode, StringComparison.Ordinal));
        ChannelCode = selected?.Code;
        Today = calendar.Today;
        var filter = new InboxFilter
        {
            ChannelId = selected?.Id,
            Status = Status,
            Assignee = Assignee,
            OverdueOnly = OverdueOnly,
            IncludeDisposed = IncludeDisposed,
            Sort = Sort,
            Descending = Descending,
            Page = PageNumber,
        };
        Result = await inbox.PageAsync(channelIds, User.UserId() ?? Guid.Empty, filter, cancellationToken);
        PageNumber = Result.Page;
    }

    public Channel? ChannelOf(InboxRow row) => Channels.FirstOrDefault(c => c.Id == row.ChannelId);

    /// <summary>This view's URL with the same filters and another page or sort.</summary>
    public string? Link(int? page = null, InboxSort? sort = null, bool? descending = null)
    {
        var values = new RouteValueDictionary();
        if (ChannelCode is not null)
        {
            values["channel"] = ChannelCode;
        }

        if (Status is { } status)
        {
            values["status"] = status.ToString();
        }

        if (Assignee != AssigneeFilter.Anyone)
        {
            values["assignee"] = Assignee.ToString();
        }

        if (OverdueOnly)
        {
            values["overdue"] = "true";
        }

        if (IncludeDisposed)
        {
            values["disposed"] = "true";
        }

        var targetSort = sort ?? Sort;
        if (targetSort != InboxSort.Received)
        {
            values["sort"] = targetSort.ToString();
        }

        values["dir"] = (descending ?? Descending) ? "desc" : "asc";
        var targetPage = page ?? 1;
        if (targetPage > 1)
        {
            values["p"] = targetPage.ToString(CultureInfo.InvariantCulture);
        }

        return Url.Page("/Staff/Cases/Index", values);
    }

    /// <summary>The aria-sort value of a column: only the column the list is sorted by has one.</summary>
    public string? AriaSort(InboxSort column) => column == Sort ? (Descending ? "descending" : "ascending") : null;

    /// <summary>Clicking the sorted column reverses it; another column starts in its natural direction.</summary>
    public string? SortLink(InboxSort column) =>
        column == Sort ? Link(sort: column, descending: !Descending) : Link(sort: column, descending: column != InboxSort.Deadline);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
