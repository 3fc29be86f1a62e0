using Intake.Web.Keys;

namespace Intake.Web.Reporting.Forms;

/// <summary>The threats-and-violence report: see docs/domain.md, "Fields of a threats-and-violence report".</summary>
public static class ThreatForm
{
    public static ReportForm Form { get; } = new(ChannelCodes.Threat,
    [
        new("who", "Om dig", "About you",
        [
            new("role", FieldKind.Radio, "Jag är", "I am", Required: true, Triage: TriageColumn.ReporterRole, Options:
            [
                new("employee", "Anställd", "An employee"),
                new("elected", "Förtroendevald", "An elected official"),
                new("relative", "Anhörig till anställd eller förtroendevald", "A relative of an employee or elected official"),
            ]),
            new("department", FieldKind.Text, "Förvaltning, enhet eller politiskt organ (frivilligt)", "Department, unit or political body (optional)", MaxLength: 300),
        ]),
        new("when", "När och var", "When and where",
        [
            new("date", FieldKind.Date, "Datum (ungefär går bra)", "Date (approximate is fine)"),
            new("timeOfDay", FieldKind.Text, "Tid eller ungefärlig tidpunkt", "Time, or roughly when", MaxLength: 200),
            new("frequency", FieldKind.Radio, "Hände det en gång eller flera?", "Did it happen once or more?", Options:
            [
                new("once", "En gång", "Once"),
                new("repeated", "Flera gånger", "Several times"),
            ]),
            new("repeatedDetail", FieldKind.Text, "Om flera gånger: hur många och sedan när?", "If several times: how many, and since when?", MaxLength: 300),
            new("place", FieldKind.Radio, "Var hände det?", "Where did it happen?", Triage: TriageColumn.IncidentPlace, Options:
            [
                new("workplace", "På arbetsplatsen", "At the workplace"),
                new("home", "I eller vid hemmet", "At or near home"),
                new("public", "På allmän plats", "In a public place"),
                new("online", "På nätet", "Online"),
                new("other", "Annat", "Elsewhere"),
            ]),
            new("linkToRole", FieldKind.Radio, "Hänger det ihop med ditt uppdrag?", "Is it linked to your role?", Options:
            [
                new("job", "Ja, mitt arbete", "Yes, my job"),
                new("assignment", "Ja, mitt politiska uppdrag", "Yes, my political assignment"),
                new("decision", "Ja, ett beslut jag fattat", "Yes, a decision I took"),
                new("unsure", "Vet inte", "Not sure"),
            ]),
        ]),
        new("what", "Vad hände?", "What happened?",
        [
            new("types", FieldKind.Checkboxes, "Vad har du utsatts för? (välj allt som stämmer)", "What were you subjected to? (choose all that apply)", Required: true, Triage: TriageColumn.IncidentTypes, Options:
            [
                new("threat-violence", "Hot om våld", "Threat of violence"),
                new("death-threat", "Dödshot", "Death threat"),
                new("threat-relatives", "Hot mot anhöriga", "Threat against relatives"),
                new("harassment", "Trakasserier eller kränkningar", "Harassment or abuse"),
                new("sexual-harassment", "Sexuella trakasserier", "Sexual harassment"),
                new("stalking", "Förföljelse", "Stalking"),
                new("doxing", "Spridning av personuppgifter", "Doxing (personal details spread)"),
                new("violence", "Fysiskt våld eller försök", "Physical violence or attempt"),
                new("property-damage", "Skadegörelse (hem, bil)", "Property damage (home, car)"),
                new("theft", "Stöld eller inbrott", "Theft or break-in"),
                new("undue-pressure", "Påtryckningar för att handla eller besluta på visst sätt", "Undue pressure to act or decide in a certain way"),
            ]),
            new("contactChannels", FieldKind.Checkboxes, "Hur skedde det?", "How did it happen?", Triage: TriageColumn.ContactChannels, Options:
            [
                new("in-person", "Personligen", "In person"),
                new("phone", "Telefon eller sms", "Phone or text message"),
                new("email", "E-post", "E-mail"),
                new("letter", "Brev", "Letter"),
                new("social-media", "Sociala medier", "Social media"),
                new("meeting", "Vid ett möte", "At a meeting"),
                new("home-visit", "Besök vid hemmet", "Visit to my home"),
            ]),
            new("socialMediaWhich", FieldKind.Text, "Om sociala medier: vilka?", "If social media: which?", MaxLength: 300),
            new("whatHappened", FieldKind.TextArea, "Beskriv vad som hände", "Describe what happened", Required: true, MaxLength: 20000),
        ]),
        new("perpetrator", "Gärningsperson", "Perpetrator",
        [
            new("perpetratorKind", FieldKind.Radio, "Vem var det?", "Who was it?", Options:
            [
                new("unknown", "Okänd", "Unknown"),
                new("resident", "Invånare eller medborgare", "A resident or citizen"),
                new("client", "Brukare, patient, elev eller vårdnadshavare", "A client, patient, student or guardian"),
                new("colleague", "Kollega", "A colleague"),
                new("elected", "Annan förtroendevald", "Another elected official"),
                new("group", "Organiserad grupp", "An organised group"),
            ]),
            new("perpetratorCount", FieldKind.Text, "Hur många var de?", "How many were they?", MaxLength: 100),
            new("perpetratorKnown", FieldKind.Radio, "Känner du till vem det är?", "Do you know who it is?", Options:
            [
                new("yes", "Ja", "Yes"),
                new("no", "Nej", "No"),
            ]),
        ]),
        new("after", "Följder och stöd", "Consequences and support",
        [
            new("consequences", FieldKind.Checkboxes, "Följder", "Consequences", Options:
            [
                new("injury", "Fysisk skada", "Physical injury"),
                new("psychological", "Psykisk påverkan", "Psychological impact"),
                new("sick-leave", "Sjukskrivning", "Sick leave"),
                new("avoided", "Jag har undvikit en fråga eller funderat på att sluta", "I avoided an issue or considered leaving"),
            ]),
            new("policeReport", FieldKind.Radio, "Polisanmälan", "Police report", Triage: TriageColumn.PoliceReported, Options:
            [
                new("yes", "Ja, jag har polisanmält", "Yes, I have reported it to the police"),
                new("planned", "Jag tänker göra det", "I intend to"),
                new("no", "Nej", "No"),
            ], HintSv: "Berätta för polisen att du är förtroendevald eller anställd och be om skyddad anmälan.", HintEn: "Tell the police you are an elected official or employee and ask for a report with protected access."),
            new("policeCaseNumber", FieldKind.Text, "Polisens diarienummer", "Police case number", MaxLength: 100),
            new("notReportedReason", FieldKind.Text, "Om du inte polisanmält: varför?", "If you have not reported it to the police: why?", MaxLength: 1000),
            new("informed", FieldKind.Checkboxes, "Vem har du berättat för?", "Whom have you told?", Options:
            [
                new("manager", "Min chef", "My manager"),
                new("security", "Säkerhetsenheten", "The security unit"),
                new("party", "Mitt parti", "My party"),
            ]),
            new("support", FieldKind.Checkboxes, "Vill du ha stöd?", "Would you like support?", Options:
            [
                new("call", "Ett samtal från säkerhetssamordnaren", "A call from the security coordinator"),
                new("crisis", "Krisstöd", "Crisis support"),
            ]),
        ]),
        CommonFields.Identity,
        CommonFields.Follow,
    ]);
}
