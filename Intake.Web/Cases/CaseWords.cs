using Intake.Web.Audit;
using Intake.Web.Reporting.Forms;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Cases;

/// <summary>Status, outcome, origin, category codes and audit event names in words, in the request's language.</summary>
public static class CaseWords
{
    public static string Status(IStringLocalizer T, CaseStatus status) => status switch
    {
        CaseStatus.Received => T["CaseWords.Received"],
        CaseStatus.Acknowledged => T["CaseWords.ReceiptAcknowledged"],
        CaseStatus.UnderInvestigation => T["CaseWords.UnderInvestigation"],
        CaseStatus.FeedbackGiven => T["CaseWords.FeedbackGiven"],
        CaseStatus.Closed => T["Common.Closed"],
        _ => status.ToString(),
    };

    public static string Outcome(IStringLocalizer T, string? code) => code switch
    {
        CaseOutcomes.MeasuresTaken => T["CaseWords.MeasuresTaken"],
        CaseOutcomes.NoWrongdoingFound => T["CaseWords.NoWrongdoingFound"],
        CaseOutcomes.ReferredElsewhere => T["CaseWords.ReferredElsewhere"],
        CaseOutcomes.OutsideScope => T["CaseWords.OutsideChannelsScope"],
        CaseOutcomes.InsufficientInformation => T["CaseWords.TooLittleInformationProceed"],
        CaseOutcomes.SupportGiven => T["CaseWords.SupportGiven"],
        CaseOutcomes.Withdrawn => T["CaseWords.WithdrawnByReporter"],
        CaseOutcomes.ProtectiveMeasures => T["CaseWords.Outcome.ProtectiveMeasures"],
        CaseOutcomes.PoliceReportMade => T["CaseWords.Outcome.PoliceReportMade"],
        CaseOutcomes.OccupationalHealth => T["CaseWords.Outcome.OccupationalHealth"],
        CaseOutcomes.NoFurtherAction => T["CaseWords.Outcome.NoFurtherAction"],
        null => string.Empty,
        _ => code,
    };

    /// <summary>What a deadline is for, in words (<see cref="DeadlineKinds"/>).</summary>
    public static string Deadline(IStringLocalizer T, string? kind) => kind switch
    {
        null => string.Empty,
        _ => T["CaseWords.Deadline." + kind],
    };

    public static string Origin(IStringLocalizer T, CaseOrigin origin) => origin switch
    {
        CaseOrigin.Online => T["CaseWords.OnlineForm"],
        CaseOrigin.Phone => T["CaseWords.PhoneRegisteredByCaseHandler"],
        CaseOrigin.Post => T["CaseWords.PostRegisteredByCaseHandler"],
        CaseOrigin.Meeting => T["CaseWords.MeetingRegisteredByCaseHandler"],
        _ => origin.ToString(),
    };

    public static string AuditKind(IStringLocalizer T, string kind) => AuditWords.Kind(T, kind);

    /// <summary>The label of a category or incident-type code of a channel's form; the code itself when unknown.</summary>
    public static string Category(IStringLocalizer T, string channelCode, string code)
    {
        foreach (var field in CategoryFields(channelCode))
        {
            if (field.Choices.Any(o => string.Equals(o.Code, code, StringComparison.Ordinal)))
            {
                return FormText.HandlerAnswer(T, field, code);
            }
        }

        return code;
    }

    private static IEnumerable<FormField> CategoryFields(string channelCode)
    {
        try
        {
            return ReportForms.For(channelCode).Fields.Where(f => f.Triage is TriageColumn.Category or TriageColumn.IncidentTypes);
        }
        catch (ArgumentOutOfRangeException)
        {
            return [];
        }
    }
}
