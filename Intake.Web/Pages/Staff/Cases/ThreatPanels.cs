using Intake.Web.Cases;
using Intake.Web.Channels;
using Intake.Web.Organisation;

namespace Intake.Web.Pages.Staff.Cases;

/// <summary>Builds the threats panels of a case page from a decrypted case.</summary>
public sealed class ThreatPanels(OrganisationUnits units, CaseSchedule schedule, CaseCalendar calendar)
{
    /// <summary>The report's answer that carries the police case number the reporter gave.</summary>
    public const string PoliceCaseNumberField = "policeCaseNumber";

    /// <summary>The panels, or null when the case's channel kind has none.</summary>
    public async Task<ThreatPanel?> ForAsync(CaseView view, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        var kind = view.Kind;
        if (!kind.Has(CaseSections.StatutoryReports) && !kind.Has(CaseSections.Measures) && !kind.Has(CaseSections.FollowUp))
        {
            return null;
        }

        var reported = view.Report?.Answers.Answers.TryGetValue(PoliceCaseNumberField, out var values) == true
            ? values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim() : null;
        return new ThreatPanel
        {
            Record = view.Record,
            Kind = kind,
            Today = calendar.Today,
            Deadlines = view.Deadlines,
            Measures = view.Measures,
            Units = kind.Has(CaseSections.OrganisationUnit) ? await units.AllAsync(cancellationToken) : [],
            SecretsUnreadable = view.Triage.Unreadable,
            Triage = TriageForm.From(view.Record, view.Triage, reported),
            Statutory = StatutoryForm.From(view.Record, view.Triage),
            Unit = view.Record.OrganisationUnit,
        };
    }

    /// <summary>The close-guard's codes for this case (<see cref="CaseStatutoryReports.Missing"/>).</summary>
    public async Task<IReadOnlyList<string>> MissingBeforeClosingAsync(CaseRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return CaseStatutoryReports.Missing(record, await schedule.MeasuresAsync(record.Id, cancellationToken));
    }
}
