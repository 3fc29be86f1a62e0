using Intake.Web.Channels;
using Microsoft.Extensions.Options;

namespace Intake.Web.Cases;

/// <summary>
/// Keeps a case's deadline columns consistent with its channel kind's rules (<see cref="ChannelKind.Deadlines"/>),
/// so that the inbox can sort and filter by the earliest open deadline without computing anything.
/// </summary>
public sealed class CaseDeadlines(IOptions<CaseOptions> options)
{
    private readonly CaseOptions _options = options.Value;

    /// <summary>Recomputes every deadline column from the dates, flags, status and measures of the case.</summary>
    public IReadOnlyList<DueDeadline> Apply(CaseRecord record, ChannelKind kind, IReadOnlyList<CaseMeasure> measures)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(kind);
        var open = kind.Deadlines.Apply(record, measures, _options, WorkingDays.Swedish)
            .OrderBy(d => d.Due).ToList();
        record.NextDeadline = open.Count == 0 ? null : open[0].Due;
        record.NextDeadlineKind = open.Count == 0 ? null : open[0].Kind;
        return open;
    }

    /// <summary>The day disposal falls due for a case closed on <paramref name="closedOn"/>.</summary>
    public DateOnly DisposalDate(DateOnly closedOn) => closedOn.AddYears(_options.RetentionYears);

    /// <summary>True when the earliest open deadline has passed: the day after the due day, not on it.</summary>
    public static bool IsOverdue(CaseRecord record, DateOnly today) => record.NextDeadline is { } due && due < today;
}
