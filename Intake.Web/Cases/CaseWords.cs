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
        null => string.Empty,
        _ => code,
    };

    public static string Origin(IStringLocalizer T, CaseOrigin origin) => origin switch
    {
        CaseOrigin.Online => T["CaseWords.OnlineForm"],
        CaseOrigin.Phone => T["CaseWords.PhoneRegisteredByCaseHandler"],
        CaseOrigin.Post => T["CaseWords.PostRegisteredByCaseHandler"],
        CaseOrigin.Meeting => T["CaseWords.MeetingRegisteredByCaseHandler"],
        _ => origin.ToString(),
    };

    public static string AuditKind(IStringLocalizer T, string kind) => kind switch
    {
        AuditKinds.CaseRegistered => T["CaseWords.RegisteredCase"],
        AuditKinds.CaseViewed => T["CaseWords.OpenedCase"],
        AuditKinds.CaseIdentityRevealed => T["CaseWords.ShowedReportersIdentity"],
        AuditKinds.CaseAttachmentDownloaded => T["CaseWords.DownloadedAttachment"],
        AuditKinds.CaseExported => T["CaseWords.ExportedCase"],
        AuditKinds.CasePrinted => T["CaseWords.PrintedCase"],
        AuditKinds.CaseReplied => T["CaseWords.RepliedReporter"],
        AuditKinds.CaseNoted => T["CaseWords.WroteInternalNote"],
        AuditKinds.CaseStatusChanged => T["CaseWords.ChangedStatus"],
        AuditKinds.CaseAssigned => T["CaseWords.ChangedAssignee"],
        AuditKinds.CaseCategorised => T["CaseWords.ChangedCategories"],
        AuditKinds.CaseTriageChanged => T["CaseWords.ChangedTriage"],
        AuditKinds.CaseLegalHold => T["CaseWords.ChangedLegalHold"],
        AuditKinds.CaseRegistryExported => T["CaseWords.MarkedAsExportedRegistry"],
        AuditKinds.CaseDisposed => T["CaseWords.DisposedContent"],
        _ => kind,
    };

    /// <summary>The label of a category or incident-type code of a channel's form; the code itself when unknown.</summary>
    public static string Category(IStringLocalizer T, string channelCode, string code)
    {
        var option = CategoryChoices(channelCode).FirstOrDefault(o => string.Equals(o.Code, code, StringComparison.Ordinal));
        return option is null ? code : T[option.Sv];
    }

    private static IEnumerable<FieldOption> CategoryChoices(string channelCode)
    {
        try
        {
            return ReportForms.For(channelCode).Fields
                .Where(f => f.Triage is TriageColumn.Category or TriageColumn.IncidentTypes)
                .SelectMany(f => f.Choices);
        }
        catch (ArgumentOutOfRangeException)
        {
            return [];
        }
    }
}
