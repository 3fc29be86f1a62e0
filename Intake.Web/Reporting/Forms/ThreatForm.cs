using Intake.Web.Keys;

namespace Intake.Web.Reporting.Forms;

/// <summary>The threats-and-violence report: see docs/domain.md, "Fields of a threats-and-violence report".</summary>
public static class ThreatForm
{
    /// <summary>The support choice that asks the security coordinator to call.</summary>
    public const string SupportCall = "call";

    /// <summary>The consequence that means someone was injured (a work injury for Försäkringskassan).</summary>
    public const string Injury = "injury";

    public static ReportForm Form { get; } = new(ChannelCodes.Threat,
    [
        new("who", "Form.Threat.Section.Who",
        [
            new("role", "Form.Threat.Role", FieldKind.Radio, Required: true, Triage: TriageColumn.ReporterRole, Options:
            [
                new("employee"),
                new("elected-leading"),
                new("elected"),
                new("candidate"),
                new("relative"),
            ]),
            new("department", "Form.Threat.Department", FieldKind.Text, MaxLength: 300),
        ]),
        new("when", "Form.Threat.Section.When",
        [
            new("date", "Form.Threat.Date", FieldKind.Date),
            new("timeOfDay", "Form.Threat.TimeOfDay", FieldKind.Text, MaxLength: 200),
            new("frequency", "Form.Threat.Frequency", FieldKind.Radio, Options:
            [
                new("once"),
                new("repeated"),
            ]),
            new("repeatedDetail", "Form.Threat.RepeatedDetail", FieldKind.Text, MaxLength: 300),
            new("place", "Form.Threat.Place", FieldKind.Radio, Triage: TriageColumn.IncidentPlace, Options:
            [
                new("workplace"),
                new("home"),
                new("public"),
                new("online"),
                new("other"),
            ]),
            new("linkToRole", "Form.Threat.LinkToRole", FieldKind.Radio, Options:
            [
                new("job"),
                new("assignment"),
                new("decision"),
                new("unsure"),
            ]),
        ]),
        new("what", "Form.Threat.Section.What",
        [
            new("types", "Form.Threat.Types", FieldKind.Checkboxes, Required: true, Triage: TriageColumn.IncidentTypes, Options:
            [
                new("threat-violence"),
                new("death-threat"),
                new("threat-relatives"),
                new("harassment"),
                new("sexual-harassment"),
                new("stalking"),
                new("doxing"),
                new("violence"),
                new("weapon"),
                new("property-damage"),
                new("theft"),
                new("undue-pressure"),
            ]),
            new("contactChannels", "Form.Threat.ContactChannels", FieldKind.Checkboxes, Triage: TriageColumn.ContactChannels, Options:
            [
                new("in-person"),
                new("phone"),
                new("email"),
                new("letter"),
                new("social-media"),
                new("meeting"),
                new("home-visit"),
            ]),
            new("socialMediaWhich", "Form.Threat.SocialMediaWhich", FieldKind.Text, MaxLength: 300),
            new("whatHappened", "Form.Threat.WhatHappened", FieldKind.TextArea, Required: true, MaxLength: 20000),
        ]),
        new("perpetrator", "Form.Threat.Section.Perpetrator",
        [
            new("perpetratorKind", "Form.Threat.PerpetratorKind", FieldKind.Radio, Options:
            [
                new("unknown"),
                new("resident"),
                new("client"),
                new("colleague"),
                new("elected"),
                new("group"),
            ]),
            new("perpetratorCount", "Form.Threat.PerpetratorCount", FieldKind.Text, MaxLength: 100),
            new("perpetratorKnown", "Form.Threat.PerpetratorKnown", FieldKind.Radio, Options:
            [
                new("yes"),
                new("no"),
            ]),
        ]),
        new("after", "Form.Threat.Section.After",
        [
            new("consequences", "Form.Threat.Consequences", FieldKind.Checkboxes, Triage: TriageColumn.Consequences, Options:
            [
                new(Injury),
                new("psychological"),
                new("sick-leave"),
                new("avoided"),
            ]),
            new("policeReport", "Form.Threat.PoliceReport", FieldKind.Radio, Triage: TriageColumn.PoliceReported, Options:
            [
                new("yes"),
                new("planned"),
                new("no"),
            ], HasHint: true),
            new("policeCaseNumber", "Form.Threat.PoliceCaseNumber", FieldKind.Text, MaxLength: 100),
            new("notReportedReason", "Form.Threat.NotReportedReason", FieldKind.Text, MaxLength: 1000),
            new("informed", "Form.Threat.Informed", FieldKind.Checkboxes, Options:
            [
                new("manager"),
                new("security"),
                new("party"),
            ]),
            new("support", "Form.Threat.Support", FieldKind.Checkboxes, Triage: TriageColumn.SupportWanted, Options:
            [
                new(SupportCall),
                new("crisis"),
            ]),
        ]),
        CommonFields.IdentitySection(TriageColumn.IdentityMode),
        CommonFields.Follow,
    ],
    [
        new("Form.Step.YouWhenWhere", ["who", "when"]),
        new("Form.Step.WhatHappened", ["what", "perpetrator"]),
        new("Form.Step.After", ["after"]),
        new("Form.Step.Files", [FormStep.Files]),
        new("Form.Step.IdentityAndSend", [CommonFields.Identity.Id, CommonFields.Follow.Id]),
    ]);
}
