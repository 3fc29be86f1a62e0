using Intake.Web.Cases;
using Intake.Web.Reporting.Forms;

namespace Intake.Web.Channels;

/// <summary>The parts of the case page a channel kind has besides the report, thread and handling.</summary>
[Flags]
public enum CaseSections
{
    None = 0,

    /// <summary>The whistleblowing act's acknowledgement and feedback.</summary>
    AcknowledgementAndFeedback = 1,

    /// <summary>Urgency from the report's codes, set or cleared by the handler.</summary>
    Urgency = 2,

    /// <summary>The Arbetsmiljöverket decision and the Försäkringskassan report, with the close-guard.</summary>
    StatutoryReports = 4,

    /// <summary>Measures with owner, due date and effect check.</summary>
    Measures = 8,

    /// <summary>Risk assessment, follow-up date and the sealed police number and protective measures.</summary>
    FollowUp = 16,

    /// <summary>Where in the organisation it happened.</summary>
    OrganisationUnit = 32,
}

/// <summary>A ready text a handler may start a reply from: its template (<c>Templates/{Template}.{language}.txt</c>) and what the reply counts as.</summary>
public sealed record ReadyText(string Name, ReplyPurpose Purpose, string Template);

/// <summary>
/// Everything that differs between kinds of channel, defined once: the case-number prefix, the report form, the
/// deadline rules, the ready texts, the closing outcomes, the receipt's words (and its reminder to call 112), which sections the case page has,
/// which incident types make a case urgent, and whether a reporter must pick an identity mode themselves. Code
/// asks the kind (<see cref="ChannelKinds.For"/>) instead of comparing channel codes; an unknown code is an error,
/// never a silent default.
/// </summary>
public sealed record ChannelKind(
    string Code,
    string CasePrefix,
    string NameKey,
    string IntroKey,
    ReportForm Form,
    ICaseDeadlineRules Deadlines,
    IReadOnlyList<ReadyText> ReadyTexts,
    IReadOnlyList<string> Outcomes,
    string ReceiptTextKey,
    string? ReceiptDangerKey,
    CaseSections Sections,
    IReadOnlyList<string> UrgentIncidentTypes,
    string? PreselectedIdentityMode)
{
    public bool Has(CaseSections section) => (Sections & section) == section;
}
