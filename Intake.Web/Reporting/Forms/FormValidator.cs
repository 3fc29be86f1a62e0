using System.Globalization;

namespace Intake.Web.Reporting.Forms;

public sealed record FieldProblem(string Field, string MessageKey);

/// <summary>Checks answers against a form definition. Message keys are in Resources/SharedResource.*.resx.</summary>
public static class FormValidator
{
    public static IReadOnlyList<FieldProblem> Validate(ReportForm form, FormAnswers answers, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(answers);
        var problems = new List<FieldProblem>();
        foreach (var field in form.Fields)
        {
            var values = answers.GetAll(field.Name).Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
            if (field.Required && values.Count == 0)
            {
                problems.Add(new(field.Name, MissingKey(field)));
                continue;
            }

            if (values.Any(v => v.Length > field.MaxLength))
            {
                problems.Add(new(field.Name, "Report.Error.TooLong"));
            }

            if (field.Options is { } options && values.Any(v => options.All(o => !string.Equals(o.Code, v, StringComparison.Ordinal))))
            {
                problems.Add(new(field.Name, "Report.Error.Option"));
            }

            if (field.Kind is FieldKind.Radio or FieldKind.Select or FieldKind.Date or FieldKind.Text or FieldKind.TextArea && values.Count > 1)
            {
                problems.Add(new(field.Name, "Report.Error.Option"));
            }

            if (field.Kind == FieldKind.Date && values.Count == 1)
            {
                if (!DateOnly.TryParseExact(values[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    problems.Add(new(field.Name, "Report.Error.Date"));
                }
                else if (field.NotAfterToday && date > today)
                {
                    problems.Add(new(field.Name, "Report.Error.FutureDate"));
                }
            }
        }

        // Answers another answer calls for (a name once "named" is chosen): the same rules the page gives its script.
        foreach (var field in form.Fields)
        {
            foreach (var condition in field.Conditions)
            {
                if (string.Equals(answers.Get(condition.Field), condition.Value, StringComparison.Ordinal) && !answers.Has(field.Name))
                {
                    problems.Add(new(field.Name, condition.MessageKey));
                    break;
                }
            }
        }

        return problems;
    }

    /// <summary>The message for a required field left empty: a tick-all group asks for at least one choice.</summary>
    public static string MissingKey(FormField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Kind switch
        {
            FieldKind.Checkboxes => "Report.Error.ChooseAtLeastOne",
            FieldKind.Radio or FieldKind.Select => "Report.Error.Choose",
            _ => "Report.Error.Required",
        };
    }
}
