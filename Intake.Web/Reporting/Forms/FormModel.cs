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
}

public sealed record FieldOption(string Code, string Sv, string En);

/// <summary>
/// One question on a report form. The same definition renders the form, validates the answers, names the
/// fields in the sealed JSON document, and later labels the answers for the case handler.
/// </summary>
public sealed record FormField(
    string Name,
    FieldKind Kind,
    string LabelSv,
    string LabelEn,
    bool Required = false,
    IReadOnlyList<FieldOption>? Options = null,
    string? HintSv = null,
    string? HintEn = null,
    TriageColumn Triage = TriageColumn.None,
    int MaxLength = 8000)
{
    public IReadOnlyList<FieldOption> Choices => Options ?? [];

    public string Label(bool english) => english ? LabelEn : LabelSv;

    public string? Hint(bool english) => english ? HintEn : HintSv;
}

public sealed record FormSection(string Id, string TitleSv, string TitleEn, IReadOnlyList<FormField> Fields)
{
    public string Title(bool english) => english ? TitleEn : TitleSv;
}

/// <summary>A channel's report form: its sections in order.</summary>
public sealed record ReportForm(string ChannelCode, IReadOnlyList<FormSection> Sections)
{
    public IEnumerable<FormField> Fields => Sections.SelectMany(s => s.Fields);

    public FormField? Field(string name) => Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));
}
