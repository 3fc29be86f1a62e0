using System.Globalization;
using Intake.Web.Cases;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Staff.Cases;

/// <summary>The triage panel's fields as typed (dates as text, so a bad date comes back as it was typed).</summary>
public sealed class TriageForm
{
    public bool WorkEnvironmentReportNeeded { get; set; }

    public string? WorkEnvironmentReportedOn { get; set; }

    public bool SocialInsuranceReportNeeded { get; set; }

    public string? SocialInsuranceReportedOn { get; set; }

    public bool RiskAssessmentUpdated { get; set; }

    public string? FollowUpOn { get; set; }

    public string? PoliceReportNumber { get; set; }

    public string? ProtectiveMeasures { get; set; }

    public static TriageForm From(CaseRecord record, TriageSecrets secrets)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(secrets);
        return new()
        {
            WorkEnvironmentReportNeeded = record.WorkEnvironmentReportNeeded,
            WorkEnvironmentReportedOn = Day(record.WorkEnvironmentReportedOn),
            SocialInsuranceReportNeeded = record.SocialInsuranceReportNeeded,
            SocialInsuranceReportedOn = Day(record.SocialInsuranceReportedOn),
            RiskAssessmentUpdated = record.RiskAssessmentUpdated,
            FollowUpOn = Day(record.FollowUpOn),
            PoliceReportNumber = secrets.PoliceReportNumber,
            ProtectiveMeasures = secrets.ProtectiveMeasures,
        };
    }

    /// <summary>The input, or null with the problems added (anchor, message).</summary>
    public TriageInput? Parse(DateOnly today, IStringLocalizer text, List<(string Anchor, string Message)> errors)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        var awe = ParseDay(WorkEnvironmentReportedOn, "triage-awe-on", today, pastOnly: true, text, errors);
        var fk = ParseDay(SocialInsuranceReportedOn, "triage-fk-on", today, pastOnly: true, text, errors);
        var followUp = ParseDay(FollowUpOn, "triage-follow-up", today, pastOnly: false, text, errors);
        if ((PoliceReportNumber?.Trim().Length ?? 0) > CaseTriage.MaxPoliceNumber)
        {
            errors.Add(("triage-police", TooLong(text, CaseTriage.MaxPoliceNumber)));
        }

        if ((ProtectiveMeasures?.Trim().Length ?? 0) > CaseTriage.MaxMeasures)
        {
            errors.Add(("triage-measures", TooLong(text, CaseTriage.MaxMeasures)));
        }

        return errors.Count > before ? null : new TriageInput(
            WorkEnvironmentReportNeeded, awe, SocialInsuranceReportNeeded, fk, RiskAssessmentUpdated, followUp, PoliceReportNumber, ProtectiveMeasures);
    }

    private static DateOnly? ParseDay(string? typed, string anchor, DateOnly today, bool pastOnly, IStringLocalizer text, List<(string, string)> errors)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(typed.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            errors.Add((anchor, text["Staff.Cases.TriageForm.WriteDateAsYyyyMm"]));
            return null;
        }

        if (pastOnly && day > today)
        {
            errors.Add((anchor, text["Staff.Cases.TriageForm.DateCannotInFuture"]));
            return null;
        }

        return day;
    }

    private static string TooLong(IStringLocalizer text, int max) =>
        text["Common.TextTooLongAtMost", max];

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
