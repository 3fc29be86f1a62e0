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

    /// <summary>Whether an identity choice asks for a name and contact: confidential or named, never anonymous.</summary>
    public static bool AsksForIdentity(string? mode) => mode is Confidential or Named;

    public static FormSection Identity { get; } = IdentitySection(TriageColumn.None);

    /// <summary>The identity questions; a channel whose deadlines depend on the identity mode keeps it as a clear code.</summary>
    public static FormSection IdentitySection(TriageColumn modeColumn) => new("identity", "Form.Common.Section.Identity",
    [
        new(IdentityMode, "Form.Common.IdentityMode", FieldKind.Radio, Required: true, Triage: modeColumn, Options:
        [
            new(Anonymous),
            new(Confidential),
            new(Named),
        ], HasHint: true),
        new(Name, "Form.Common.Name", FieldKind.Text, MaxLength: 200, HasHint: true, RequiredIf:
        [
            new(IdentityMode, Confidential, "Report.Error.NameForConfidential"),
            new(IdentityMode, Named, "Report.Error.NameForNamed"),
        ]),
        new(Contact, "Form.Common.Contact", FieldKind.Text, MaxLength: 200, HasHint: true, RequiredIf:
        [
            new(IdentityMode, Named, "Report.Error.ContactForNamed"),
        ]),
    ]);

    public static FormSection Follow { get; } = new("follow-up", "Form.Common.Section.FollowUp",
    [
        new(AllowAcknowledgement, "Form.Common.AllowAcknowledgement", FieldKind.Checkbox),
        new(WantsMeeting, "Form.Common.WantsMeeting", FieldKind.Checkbox),
    ]);
}
