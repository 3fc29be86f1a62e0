namespace Intake.Web.Reporting.Forms;

/// <summary>The questions both forms end with: how the reporter appears, acknowledgement and meeting.</summary>
public static class CommonFields
{
    public const string IdentityMode = "identityMode";
    public const string Name = "name";
    public const string Contact = "contact";
    public const string AllowAcknowledgement = "allowAcknowledgement";
    public const string WantsMeeting = "wantsMeeting";

    public const string Anonymous = "anonymous";
    public const string Confidential = "confidential";
    public const string Named = "named";

    /// <summary>The answers that identify the reporter: shown to handlers only when they ask, and audited.</summary>
    public static IReadOnlySet<string> IdentifyingFields { get; } = new HashSet<string>(StringComparer.Ordinal) { Name, Contact };

    public static FormSection Identity { get; } = new("identity", "Hur vill du synas?", "How do you want to appear?",
    [
        new(IdentityMode, FieldKind.Radio, "Välj ett alternativ", "Choose one", Required: true, Options:
        [
            new(Anonymous, "Anonym: ingen får veta vem jag är", "Anonymous: nobody learns who I am"),
            new(Confidential, "Mitt namn får bara handläggarna veta", "Only the case handlers may know my name"),
            new(Named, "Med namn och kontaktuppgifter", "With my name and contact details"),
        ], HintSv: "Namn och kontaktuppgifter krypteras som resten av rapporten. Som anonym kan du ändå få svar i din brevlåda.",
           HintEn: "Name and contact details are encrypted like the rest of the report. Anonymous, you still get replies in your mailbox."),
        new(Name, FieldKind.Text, "Ditt namn", "Your name", MaxLength: 200,
            HintSv: "Behövs bara om du valt att lämna ditt namn.", HintEn: "Only needed if you chose to give your name."),
        new(Contact, FieldKind.Text, "Telefon eller e-post", "Phone or e-mail", MaxLength: 200,
            HintSv: "Använd gärna en privat adress, inte arbetsgivarens.", HintEn: "Preferably a private address, not your employer's."),
    ]);

    public static FormSection Follow { get; } = new("follow-up", "Kontakt framåt", "Contact from here on",
    [
        new(AllowAcknowledgement, FieldKind.Checkbox, "Jag vill få en bekräftelse i brevlådan på att rapporten tagits emot",
            "I want a confirmation in my mailbox that the report was received"),
        new(WantsMeeting, FieldKind.Checkbox, "Jag vill träffa en handläggare (fysiskt möte eller samtal)",
            "I would like to meet a case handler (in person or by phone)"),
    ]);
}
