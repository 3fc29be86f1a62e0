using Intake.Web.Statistics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Intake.Web.Pages.Staff.Statistics;

/// <summary>
/// Statistics for one channel over a range of whole months, quarters or years, from clear columns only, with every
/// small count hidden (docs/statistics.md). GET only, so every view has an address; <c>format=csv</c> gives the
/// same tables as a CSV file, <c>table=ID</c> one of them.
/// </summary>
public sealed class IndexModel(StatisticsReports reports) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "channel")]
    public string? Channel { get; set; }

    [BindProperty(SupportsGet = true, Name = "grain")]
    public string? GrainText { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "format")]
    public string? Format { get; set; }

    [BindProperty(SupportsGet = true, Name = "table")]
    public string? Table { get; set; }

    public StatisticsReport Report { get; private set; } = null!;

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var grain = StatisticsAddress.ParseGrain(GrainText, out var grainProblem);
        Report = await reports.BuildAsync(HttpContext, Channel, grain, From, To, HttpContext.RequestAborted);
        Problems = [.. grainProblem, .. Report.Range?.Problems ?? []];
        if (string.Equals(Format, "csv", StringComparison.Ordinal))
        {
            return StatisticsAddress.Csv(Report, Table, $"statistics-{Report.Channel?.Code}-{Report.Range?.From.Label}-{Report.Range?.To.Label}.csv");
        }

        return Page();
    }

    /// <summary>This view's address with the range as resolved, optionally as CSV of one table or all.</summary>
    public string? Link(string? format = null, string? table = null, string? grain = null) =>
        Url.Page("/Staff/Statistics/Index", StatisticsAddress.Values(Report, grain, format, table));
}
