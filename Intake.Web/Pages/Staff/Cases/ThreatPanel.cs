using Intake.Web.Cases;
using Intake.Web.Channels;
using Intake.Web.Organisation;

namespace Intake.Web.Pages.Staff.Cases;

/// <summary>
/// What the threats-and-violence panels of the case page show and hold: the open deadlines, urgency, the statutory
/// reports, the measures, the follow-up and the organisational unit, each form either from the stored case or as
/// the handler typed it when it was refused.
/// </summary>
public sealed class ThreatPanel
{
    public required CaseRecord Record { get; init; }

    public required ChannelKind Kind { get; init; }

    public required DateOnly Today { get; init; }

    public required IReadOnlyList<DueDeadline> Deadlines { get; init; }

    public required IReadOnlyList<MeasureView> Measures { get; init; }

    public required IReadOnlyList<UnitChoice> Units { get; init; }

    public required bool SecretsUnreadable { get; init; }

    public required TriageForm Triage { get; set; }

    public required StatutoryForm Statutory { get; set; }

    public MeasureForm NewMeasure { get; set; } = new();

    /// <summary>A change to an existing measure that was refused, shown again as typed.</summary>
    public MeasureForm? ChangedMeasure { get; set; }

    public string? Unit { get; set; }

    public List<(string Anchor, string Message)> Errors { get; } = [];

    public Guid CaseId => Record.Id;

    public string? ErrorFor(string anchor) => Errors.Where(e => e.Anchor == anchor).Select(e => e.Message).FirstOrDefault();

    public MeasureForm FormFor(MeasureView measure) =>
        ChangedMeasure is { } changed && changed.MeasureId == measure.Id ? changed : MeasureForm.From(measure);

    public int OverdueMeasures => Measures.Count(m => m.IsOverdue(Today));

    public string? UnitName(string? code) => code is null ? null : Units.FirstOrDefault(u => u.Code == code)?.Name ?? code;
}
