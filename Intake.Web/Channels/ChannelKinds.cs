using Intake.Web.Cases;
using Intake.Web.Keys;
using Intake.Web.Reporting.Forms;

namespace Intake.Web.Channels;

/// <summary>The two kinds of channel Intake has, each defined once.</summary>
public static class ChannelKinds
{
    /// <summary>The whistleblowing act (2021:890): acknowledgement in 7 days, feedback in 3 months.</summary>
    public static ChannelKind Whistleblowing { get; } = new(
        ChannelCodes.Whistleblowing,
        CasePrefix: "VB",
        NameKey: "Channel.Whistleblowing.Name",
        IntroKey: "Channel.Whistleblowing.Intro",
        WhistleblowingForm.Form,
        new WhistleblowingDeadlineRules(),
        ReadyTexts:
        [
            new("acknowledgement", ReplyPurpose.Acknowledgement, "reply-acknowledgement"),
            new("feedback", ReplyPurpose.Feedback, "reply-feedback"),
        ],
        CaseOutcomes.Whistleblowing,
        ReceiptTextKey: "Report.Receipt.Next.Whistleblowing",
        ReceiptDangerKey: null,
        CaseSections.AcknowledgementAndFeedback,
        UrgentIncidentTypes: [],
        PreselectedIdentityMode: CommonFields.Anonymous);

    /// <summary>
    /// Threats and violence, run like a work-environment incident: first contact with a reporter who asked for a
    /// call, the same-day Arbetsmiljöverket decision, Försäkringskassan for injuries, measures and follow-up.
    /// </summary>
    public static ChannelKind Threat { get; } = new(
        ChannelCodes.Threat,
        CasePrefix: "HV",
        NameKey: "Channel.Threat.Name",
        IntroKey: "Channel.Threat.Intro",
        ThreatForm.Form,
        new ThreatDeadlineRules(),
        ReadyTexts:
        [
            new("threat-first-contact", ReplyPurpose.Message, "reply-threat-first-contact"),
            new("threat-elected", ReplyPurpose.Message, "reply-threat-elected"),
            new("threat-follow-up", ReplyPurpose.Message, "reply-threat-follow-up"),
        ],
        CaseOutcomes.Threat,
        ReceiptTextKey: "Report.Receipt.Next.Threat",
        ReceiptDangerKey: "Report.Receipt.Call112",
        CaseSections.Urgency | CaseSections.StatutoryReports | CaseSections.Measures | CaseSections.FollowUp | CaseSections.OrganisationUnit,
        UrgentIncidentTypes: ["death-threat", "threat-relatives", "violence", "weapon"],
        PreselectedIdentityMode: null);

    public static IReadOnlyList<ChannelKind> All { get; } = [Whistleblowing, Threat];

    /// <summary>The kind of a channel code; throws for a code no kind defines.</summary>
    public static ChannelKind For(string channelCode) =>
        All.FirstOrDefault(k => string.Equals(k.Code, channelCode, StringComparison.Ordinal))
        ?? throw new ArgumentOutOfRangeException(nameof(channelCode), channelCode, "Unknown channel code");
}
