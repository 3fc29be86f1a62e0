using Intake.Web.Cases;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Staff.Cases;

/// <summary>The follow-up panel's fields as typed (dates as text, so a bad date comes back as it was typed).</summary>
public sealed class TriageForm
{
    public string? FirstContactOn { get; set; }

    public bool RiskAssessmentUpdated { get; set; }

    public string? RiskAssessmentUpdatedOn { get; set; }

    public string? FollowUpOn { get; set; }

    public string? FollowedUpOn { get; set; }

    public string? PoliceReportNumber { get; set; }

    public string? ProtectiveMeasures { get; set; }

    /// <summary>The stored values; the police number the reporter gave fills an empty police number field.</summary>
    public static TriageForm From(CaseRecord record, TriageSecrets secrets, string? reportedPoliceNumber)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(secrets);
        return new()
        {
            FirstContactOn = TypedDay.Format(record.FirstContactOn),
            RiskAssessmentUpdated = record.RiskAssessmentUpdated,
            RiskAssessmentUpdatedOn = TypedDay.Format(record.RiskAssessmentUpdatedOn),
            FollowUpOn = TypedDay.Format(record.FollowUpOn),
            FollowedUpOn = TypedDay.Format(record.FollowedUpOn),
            PoliceReportNumber = secrets.PoliceReportNumber ?? reportedPoliceNumber,
            ProtectiveMeasures = secrets.ProtectiveMeasures,
        };
    }

    /// <summary>The input, or null with the problems added (anchor, message).</summary>
    public TriageInput? Parse(DateOnly today, IStringLocalizer text, List<(string Anchor, string Message)> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        var contacted = TypedDay.Parse(FirstContactOn, "triage-first-contact", today, pastOnly: true, text, errors);
        var risk = TypedDay.Parse(RiskAssessmentUpdatedOn, "triage-risk-on", today, pastOnly: true, text, errors);
        var followUp = TypedDay.Parse(FollowUpOn, "triage-follow-up", today, pastOnly: false, text, errors);
        var followedUp = TypedDay.Parse(FollowedUpOn, "triage-followed-up", today, pastOnly: true, text, errors);
        TypedDay.CheckLength(PoliceReportNumber, CaseTriage.MaxPoliceNumber, "triage-police", text, errors);
        TypedDay.CheckLength(ProtectiveMeasures, CaseTriage.MaxMeasures, "triage-measures", text, errors);
        return errors.Count > before ? null : new TriageInput(
            contacted, RiskAssessmentUpdated, risk, followUp, followedUp, PoliceReportNumber, ProtectiveMeasures);
    }
}
