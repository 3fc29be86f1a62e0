using Microsoft.Extensions.Localization;

namespace Intake.Web.Reporting.Forms;

/// <summary>
/// A form's words in the request's language. The reporter reads the questions as written to them ("Jag är");
/// the case handler reads a third-person wording where one exists (<c>{key}.Handler</c>), and the reporter's
/// wording otherwise.
/// </summary>
public static class FormText
{
    /// <summary>A field's label for the reader: the reporter's question, or the handler's third-person wording.</summary>
    public static string Label(IStringLocalizer text, FormField field, FormAudience audience) =>
        audience == FormAudience.Handler ? HandlerLabel(text, field) : Label(text, field);

    public static string Option(IStringLocalizer text, FormField field, FieldOption option, FormAudience audience) =>
        audience == FormAudience.Handler ? HandlerOption(text, field, option) : Option(text, field, option);

    /// <summary>Hints speak to the reporter ("write as concretely as you can"); a handler filling in a form gets none.</summary>
    public static string? Hint(IStringLocalizer text, FormField field, FormAudience audience) =>
        audience == FormAudience.Handler ? null : Hint(text, field);

    public static string Title(IStringLocalizer text, FormSection section, FormAudience audience)
    {
        ArgumentNullException.ThrowIfNull(section);
        return audience == FormAudience.Handler ? HandlerOr(text, section.Key + ".Handler", section.Key) : Title(text, section);
    }

    public static string Title(IStringLocalizer text, FormSection section)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(section);
        return text[section.Key];
    }

    public static string Label(IStringLocalizer text, FormField field)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(field);
        return text[field.Key];
    }

    public static string? Hint(IStringLocalizer text, FormField field)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(field);
        return field.HasHint ? text[field.HintKey].Value : null;
    }

    public static string Option(IStringLocalizer text, FormField field, FieldOption option)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(field);
        return text[field.OptionKey(option)];
    }

    public static string HandlerLabel(IStringLocalizer text, FormField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return HandlerOr(text, field.HandlerKey, field.Key);
    }

    public static string HandlerOption(IStringLocalizer text, FormField field, FieldOption option)
    {
        ArgumentNullException.ThrowIfNull(field);
        var key = field.OptionKey(option);
        return HandlerOr(text, key + ".Handler", key);
    }

    /// <summary>The handler's words for a chosen code of a field; the code itself when the form no longer has it.</summary>
    public static string HandlerAnswer(IStringLocalizer text, FormField field, string code)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Choices.FirstOrDefault(o => string.Equals(o.Code, code, StringComparison.Ordinal)) is { } option
            ? HandlerOption(text, field, option)
            : code;
    }

    private static string HandlerOr(IStringLocalizer text, string handlerKey, string reporterKey)
    {
        ArgumentNullException.ThrowIfNull(text);
        var handler = text[handlerKey];
        return handler.ResourceNotFound ? text[reporterKey] : handler;
    }
}
