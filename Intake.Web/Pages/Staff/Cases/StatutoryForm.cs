using Intake.Web.Cases;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Staff.Cases;

/// <summary>The statutory reports panel's fields as typed.</summary>
public sealed class StatutoryForm
{
    /// <summary><c>serious</c>, <c>not-serious</c>, or empty while undecided.</summary>
    public string? Decision { get; set; }

    public string? NotReportedReason { get; set; }

    public string? WorkEnvironmentReportedOn { get; set; }

    public string? WorkEnvironmentReference { get; set; }

    public bool SocialInsuranceReportNeeded { get; set; }

    public string? SocialInsuranceReportedOn { get; set; }

    public const string Serious = "serious";
    public const string NotSerious = "not-serious";

    public static StatutoryForm From(CaseRecord record, TriageSecrets secrets)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(secrets);
        return new()
        {
            Decision = CaseStatutoryReports.DecisionOf(record) switch
            {
                WorkEnvironmentDecision.Serious => Serious,
                WorkEnvironmentDecision.NotSerious => NotSerious,
                _ => null,
            },
            NotReportedReason = record.WorkEnvironmentNotReportedReason,
            WorkEnvironmentReportedOn = TypedDay.Format(record.WorkEnvironmentReportedOn),
            WorkEnvironmentReference = secrets.WorkEnvironmentReference,
            SocialInsuranceReportNeeded = record.SocialInsuranceReportNeeded,
            SocialInsuranceReportedOn = TypedDay.Format(record.SocialInsuranceReportedOn),
        };
    }

    public StatutoryInput? Parse(DateOnly today, IStringLocalizer text, List<(string Anchor, string Message)> errors)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        var decision = Decision switch
        {
            Serious => WorkEnvironmentDecision.Serious,
            NotSerious => WorkEnvironmentDecision.NotSerious,
            null or "" => WorkEnvironmentDecision.Undecided,
            _ => (WorkEnvironmentDecision?)null,
        };
        if (decision is null)
        {
            errors.Add(("statutory-decision", text["Staff.Cases.Statutory.ChooseDecision"]));
        }

        var reason = string.IsNullOrWhiteSpace(NotReportedReason) ? null : NotReportedReason.Trim();
        if (decision == WorkEnvironmentDecision.NotSerious && (reason is null || !StatutoryReasons.All.Contains(reason, StringComparer.Ordinal)))
        {
            errors.Add(("statutory-reason", text["Staff.Cases.Statutory.ChooseReason"]));
        }

        var awe = TypedDay.Parse(WorkEnvironmentReportedOn, "statutory-awe-on", today, pastOnly: true, text, errors);
        var fk = TypedDay.Parse(SocialInsuranceReportedOn, "statutory-fk-on", today, pastOnly: true, text, errors);
        if (awe is not null && decision != WorkEnvironmentDecision.Serious)
        {
            errors.Add(("statutory-awe-on", text["Staff.Cases.Statutory.ReportedOnlyWhenSerious"]));
        }

        TypedDay.CheckLength(WorkEnvironmentReference, CaseTriage.MaxReference, "statutory-reference", text, errors);
        return errors.Count > before || decision is null ? null
            : new StatutoryInput(decision.Value, reason, awe, WorkEnvironmentReference, SocialInsuranceReportNeeded, fk);
    }
}
