using Intake.Web.Audit;
using Intake.Web.Reporting.Forms;
using static Intake.Web.Localization.Bilingual;

namespace Intake.Web.Cases;

/// <summary>Status, outcome, origin, category codes and audit event names in words, in the request's language.</summary>
public static class CaseWords
{
    public static string Status(CaseStatus status) => status switch
    {
        CaseStatus.Received => L("Mottagen", "Received"),
        CaseStatus.Acknowledged => L("Mottagandet bekräftat", "Receipt acknowledged"),
        CaseStatus.UnderInvestigation => L("Utreds", "Under investigation"),
        CaseStatus.FeedbackGiven => L("Återkoppling lämnad", "Feedback given"),
        CaseStatus.Closed => L("Avslutat", "Closed"),
        _ => status.ToString(),
    };

    public static string Outcome(string? code) => code switch
    {
        CaseOutcomes.MeasuresTaken => L("Åtgärder vidtagna", "Measures taken"),
        CaseOutcomes.NoWrongdoingFound => L("Inga missförhållanden konstaterade", "No wrongdoing found"),
        CaseOutcomes.ReferredElsewhere => L("Hänvisat till annan instans", "Referred elsewhere"),
        CaseOutcomes.OutsideScope => L("Utanför kanalens område", "Outside the channel's scope"),
        CaseOutcomes.InsufficientInformation => L("För lite information för att gå vidare", "Too little information to proceed"),
        CaseOutcomes.SupportGiven => L("Stöd har getts", "Support given"),
        CaseOutcomes.Withdrawn => L("Återkallat av rapportören", "Withdrawn by the reporter"),
        null => string.Empty,
        _ => code,
    };

    public static string Origin(CaseOrigin origin) => origin switch
    {
        CaseOrigin.Online => L("Webbformuläret", "The online form"),
        CaseOrigin.Phone => L("Telefon, registrerad av handläggare", "Phone, registered by a case handler"),
        CaseOrigin.Post => L("Post, registrerad av handläggare", "Post, registered by a case handler"),
        CaseOrigin.Meeting => L("Möte, registrerad av handläggare", "Meeting, registered by a case handler"),
        _ => origin.ToString(),
    };

    public static string AuditKind(string kind) => kind switch
    {
        AuditKinds.CaseRegistered => L("Registrerade ärendet", "Registered the case"),
        AuditKinds.CaseViewed => L("Öppnade ärendet", "Opened the case"),
        AuditKinds.CaseIdentityRevealed => L("Visade rapportörens identitet", "Showed the reporter's identity"),
        AuditKinds.CaseAttachmentDownloaded => L("Laddade ner en bilaga", "Downloaded an attachment"),
        AuditKinds.CaseExported => L("Exporterade ärendet", "Exported the case"),
        AuditKinds.CasePrinted => L("Skrev ut ärendet", "Printed the case"),
        AuditKinds.CaseReplied => L("Svarade rapportören", "Replied to the reporter"),
        AuditKinds.CaseNoted => L("Skrev en intern anteckning", "Wrote an internal note"),
        AuditKinds.CaseStatusChanged => L("Ändrade status", "Changed the status"),
        AuditKinds.CaseAssigned => L("Ändrade ansvarig handläggare", "Changed the assignee"),
        AuditKinds.CaseCategorised => L("Ändrade kategorier", "Changed the categories"),
        AuditKinds.CaseTriageChanged => L("Ändrade bedömningen", "Changed the triage"),
        AuditKinds.CaseLegalHold => L("Ändrade bevarandebeslut", "Changed the legal hold"),
        AuditKinds.CaseRegistryExported => L("Markerade som diariefört", "Marked as exported to the registry"),
        AuditKinds.CaseDisposed => L("Gallrade innehållet", "Disposed of the content"),
        _ => kind,
    };

    /// <summary>The label of a category or incident-type code of a channel's form; the code itself when unknown.</summary>
    public static string Category(string channelCode, string code)
    {
        var option = CategoryChoices(channelCode).FirstOrDefault(o => string.Equals(o.Code, code, StringComparison.Ordinal));
        return option is null ? code : L(option.Sv, option.En);
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
