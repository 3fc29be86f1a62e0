namespace Intake.Web.Reporting.Forms;

public enum FieldKind
{
    Text,
    TextArea,
    Select,
    Radio,
    Checkboxes,
    Checkbox,
    Date,
}

/// <summary>Who reads a form's words: the reporter (addressed as "you") or a case handler (third person).</summary>
public enum FormAudience
{
    Reporter,
    Handler,
}

/// <summary>Which case column a field's code is kept in, in clear, for triage and statistics.</summary>
public enum TriageColumn
{
    None,
    Category,
    ReporterRole,
    IncidentTypes,
    IncidentPlace,
    ContactChannels,
    PoliceReported,
    Consequences,
    SupportWanted,
    IdentityMode,
}

/// <summary>
/// A field that must be answered when another field has a given answer (a name once "named" is chosen), with the
/// message that says so. The server checks it and renders it into the page, where the script checks the same.
/// </summary>
public sealed record RequiredWhen(string Field, string Value, string MessageKey);

/// <summary>One choice of a field: its code is what the sealed document and the clear triage columns keep; its
/// words are the resource <c>{field key}.{code}</c> (see <see cref="FormText"/>).</summary>
public sealed record FieldOption(string Code);

/// <summary>
/// One question on a report form. The same definition renders the form, validates the answers, names the
/// fields in the sealed JSON document, and later labels the answers for the case handler. Its words are resources
/// under <see cref="Key"/>: the question as the reporter reads it, optionally <c>.Handler</c> for the case handler's
/// third-person wording, <c>.Hint</c> when <see cref="HasHint"/>, and <c>.{code}</c> for each option.
/// </summary>
public sealed record FormField(
    string Name,
    string Key,
    FieldKind Kind,
    bool Required = false,
    IReadOnlyList<FieldOption>? Options = null,
    bool HasHint = false,
    TriageColumn Triage = TriageColumn.None,
    int MaxLength = 8000,
    IReadOnlyList<RequiredWhen>? RequiredIf = null)
{
    public IReadOnlyList<FieldOption> Choices => Options ?? [];

    /// <summary>When the field must be answered because of another field's answer.</summary>
    public IReadOnlyList<RequiredWhen> Conditions => RequiredIf ?? [];

    /// <summary>A date may not lie after the day it is given (the form's calendar day).</summary>
    public bool NotAfterToday => Kind == FieldKind.Date;

    public string HintKey => Key + ".Hint";

    public string HandlerKey => Key + ".Handler";

    public string OptionKey(FieldOption option)
    {
        ArgumentNullException.ThrowIfNull(option);
        return Key + "." + option.Code;
    }
}

/// <summary>A part of a form, titled by the resource <see cref="Key"/>.</summary>
public sealed record FormSection(string Id, string Key, IReadOnlyList<FormField> Fields);

/// <summary>
/// A step of a form as the page's script shows it with JavaScript: the parts it groups (section ids, or
/// <see cref="Files"/> for the attachments), titled by the resource <see cref="Key"/>. Without JavaScript the form
/// is one page and steps do not show.
/// </summary>
public sealed record FormStep(string Key, IReadOnlyList<string> Parts)
{
    /// <summary>The part that holds the attachments (not a section of the definition).</summary>
    public const string Files = "files";
}

/// <summary>A channel's report form: its sections in order, and the steps that group them with JavaScript.</summary>
public sealed record ReportForm(string ChannelCode, IReadOnlyList<FormSection> Sections, IReadOnlyList<FormStep>? StepList = null)
{
    public IEnumerable<FormField> Fields => Sections.SelectMany(s => s.Fields);

    public IReadOnlyList<FormStep> Steps => StepList ?? [];

    /// <summary>The step (from 1) that shows a part (a section id or <see cref="FormStep.Files"/>); 0 without steps.</summary>
    public int StepOf(string part)
    {
        for (var i = 0; i < Steps.Count; i++)
        {
            if (Steps[i].Parts.Contains(part, StringComparer.Ordinal))
            {
                return i + 1;
            }
        }

        return 0;
    }

    public FormField? Field(string name) => Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));
}
