namespace Intake.Web.Reporting.Forms;

/// <summary>
/// What a reporter typed, by field name, every value a string (checkbox groups have several). Lives in memory
/// for one request only; it reaches storage only sealed.
/// </summary>
public sealed class FormAnswers
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, List<string>> Values => _values;

    public void Add(string name, string value)
    {
        if (!_values.TryGetValue(name, out var list))
        {
            _values[name] = list = [];
        }

        list.Add(value);
    }

    public string Get(string name) => _values.TryGetValue(name, out var list) && list.Count > 0 ? list[0] : string.Empty;

    public IReadOnlyList<string> GetAll(string name) => _values.TryGetValue(name, out var list) ? list : [];

    public bool Has(string name) => !string.IsNullOrWhiteSpace(Get(name));

    public bool IsChecked(string name, string code) => GetAll(name).Contains(code, StringComparer.Ordinal);

    /// <summary>
    /// Only the form's own fields, trimmed and without empty values: what is sealed. A name or contact typed while
    /// the identity choice does not ask for one (anonymous) is left out.
    /// </summary>
    public FormAnswers OnlyFieldsOf(ReportForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var clean = new FormAnswers();
        var identityGiven = form.Field(CommonFields.IdentityMode) is null || CommonFields.AsksForIdentity(Get(CommonFields.IdentityMode));
        foreach (var field in form.Fields)
        {
            if (!identityGiven && CommonFields.IdentifyingFields.Contains(field.Name))
            {
                continue;
            }

            foreach (var value in GetAll(field.Name).Select(v => v.Trim()).Where(v => v.Length > 0))
            {
                clean.Add(field.Name, value);
            }
        }

        return clean;
    }
}
