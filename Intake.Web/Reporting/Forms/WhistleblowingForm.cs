using Intake.Web.Keys;

namespace Intake.Web.Reporting.Forms;

/// <summary>The whistleblowing report (Lag 2021:890): see docs/domain.md, "Fields of a whistleblowing report".</summary>
public static class WhistleblowingForm
{
    public static IReadOnlyList<FieldOption> Categories { get; } =
    [
        new("bribery", "Mutor och korruption", "Bribery and corruption"),
        new("conflict-of-interest", "Jäv", "Conflict of interest"),
        new("undue-influence", "Otillbörlig påverkan", "Undue influence"),
        new("secondary-employment", "Ej anmäld bisyssla", "Undeclared secondary employment"),
        new("fraud", "Bedrägeri eller förskingring", "Fraud or embezzlement"),
        new("misuse-of-funds", "Slöseri med eller missbruk av skattemedel", "Misuse of public funds"),
        new("procurement", "Oegentligheter vid upphandling", "Procurement irregularities"),
        new("breach-of-law", "Brott mot lag eller regler", "Breach of law or regulation"),
        new("work-environment", "Allvarliga risker i arbetsmiljön", "Serious work environment risks"),
        new("health-safety-environment", "Fara för hälsa, säkerhet eller miljö", "Danger to health, safety or the environment"),
        new("data-protection", "Brott mot dataskyddet", "Data protection breach"),
        new("other", "Annat", "Other"),
    ];

    public static ReportForm Form { get; } = new(ChannelCodes.Whistleblowing,
    [
        new("what", "Vad har hänt?", "What happened?",
        [
            new("category", FieldKind.Select, "Vad gäller det?", "What is it about?", Required: true, Options: Categories, Triage: TriageColumn.Category),
            new("whatHappened", FieldKind.TextArea, "Beskriv vad som hänt", "Describe what happened", Required: true, MaxLength: 20000,
                HintSv: "Skriv så konkret du kan: vad, hur och varför du tror att det är fel.", HintEn: "Be as concrete as you can: what, how and why you think it is wrong."),
            new("whenWhere", FieldKind.TextArea, "När och var hände det?", "When and where did it happen?", MaxLength: 4000),
            new("involved", FieldKind.TextArea, "Vilka är inblandade?", "Who is involved?", MaxLength: 4000,
                HintSv: "Roller räcker, till exempel ”enhetschef på förvaltning X”. Namn bara om det behövs.", HintEn: "Roles are enough, for example \"unit manager at department X\". Names only if needed."),
            new("howKnown", FieldKind.Radio, "Hur vet du detta?", "How do you know this?", Options:
            [
                new("witnessed", "Jag har själv sett eller varit med om det", "I saw or experienced it myself"),
                new("told", "Någon har berättat det för mig", "Someone told me"),
                new("documents", "Jag har sett dokument", "I have seen documents"),
                new("suspicion", "Jag misstänker det", "I suspect it"),
            ]),
            new("othersKnow", FieldKind.Radio, "Känner andra till det, eller har du rapporterat det någon annanstans?", "Do others know, or have you reported it elsewhere?", Options:
            [
                new("no", "Nej, inte vad jag vet", "No, not that I know"),
                new("colleagues", "Ja, kollegor känner till det", "Yes, colleagues know"),
                new("reported", "Ja, jag har rapporterat det till någon annan", "Yes, I have reported it to someone else"),
                new("unknown", "Vet inte", "I don't know"),
            ]),
            new("reportedWhere", FieldKind.Text, "Om du rapporterat det: till vem?", "If you reported it: to whom?", MaxLength: 500),
        ]),
        CommonFields.Identity,
        CommonFields.Follow,
    ]);
}
