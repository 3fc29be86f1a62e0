using Intake.Web.Keys;

namespace Intake.Web.Reporting.Forms;

/// <summary>The whistleblowing report (Lag 2021:890): see docs/domain.md, "Fields of a whistleblowing report".</summary>
public static class WhistleblowingForm
{
    public static IReadOnlyList<FieldOption> Categories { get; } =
    [
        new("bribery"),
        new("conflict-of-interest"),
        new("undue-influence"),
        new("secondary-employment"),
        new("fraud"),
        new("misuse-of-funds"),
        new("procurement"),
        new("breach-of-law"),
        new("work-environment"),
        new("health-safety-environment"),
        new("data-protection"),
        new("other"),
    ];

    public static ReportForm Form { get; } = new(ChannelCodes.Whistleblowing,
    [
        new("what", "Form.Whistleblowing.Section.What",
        [
            new("category", "Form.Whistleblowing.Category", FieldKind.Select, Required: true, Options: Categories, Triage: TriageColumn.Category),
            new("whatHappened", "Form.Whistleblowing.WhatHappened", FieldKind.TextArea, Required: true, MaxLength: 20000, HasHint: true),
            new("whenWhere", "Form.Whistleblowing.WhenWhere", FieldKind.TextArea, MaxLength: 4000),
            new("involved", "Form.Whistleblowing.Involved", FieldKind.TextArea, MaxLength: 4000, HasHint: true),
            new("howKnown", "Form.Whistleblowing.HowKnown", FieldKind.Radio, Options:
            [
                new("witnessed"),
                new("told"),
                new("documents"),
                new("suspicion"),
            ]),
            new("othersKnow", "Form.Whistleblowing.OthersKnow", FieldKind.Radio, Options:
            [
                new("no"),
                new("colleagues"),
                new("reported"),
                new("unknown"),
            ]),
            new("reportedWhere", "Form.Whistleblowing.ReportedWhere", FieldKind.Text, MaxLength: 500),
        ]),
        CommonFields.Identity,
        CommonFields.Follow,
    ],
    [
        new("Form.Step.WhatHappened", ["what"]),
        new("Form.Step.Files", [FormStep.Files]),
        new("Form.Step.IdentityAndSend", [CommonFields.Identity.Id, CommonFields.Follow.Id]),
    ]);
}
