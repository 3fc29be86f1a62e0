using Intake.Web.Cases;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Staff.Cases;

/// <summary>A measure's fields as typed: a new one (no id) or a change to one of the case's.</summary>
public sealed class MeasureForm
{
    public Guid? MeasureId { get; set; }

    public string? What { get; set; }

    public string? Responsible { get; set; }

    public string? DueOn { get; set; }

    public MeasureStatus Status { get; set; }

    public string? DoneOn { get; set; }

    public string? Effect { get; set; }

    /// <summary>The anchor prefix of this form's fields: <c>measure-new</c>, or <c>m-{id}</c> for an existing measure.</summary>
    public string Prefix => MeasureId is { } id ? "m-" + id.ToString("N") : "measure-new";

    public static MeasureForm From(MeasureView measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return new()
        {
            MeasureId = measure.Id,
            What = measure.What,
            Responsible = measure.Responsible,
            DueOn = TypedDay.Format(measure.DueOn),
            Status = measure.Status,
            DoneOn = TypedDay.Format(measure.DoneOn),
            Effect = measure.Effect,
        };
    }

    public MeasureInput? Parse(DateOnly today, IStringLocalizer text, List<(string Anchor, string Message)> errors)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        if (string.IsNullOrWhiteSpace(What))
        {
            errors.Add((Prefix + "-what", text["Staff.Cases.Measures.WriteWhat"]));
        }

        TypedDay.CheckLength(What, CaseMeasures.MaxWhat, Prefix + "-what", text, errors);
        TypedDay.CheckLength(Responsible, CaseMeasures.MaxResponsible, Prefix + "-responsible", text, errors);
        TypedDay.CheckLength(Effect, CaseMeasures.MaxEffect, Prefix + "-effect", text, errors);
        var due = TypedDay.Parse(DueOn, Prefix + "-due", today, pastOnly: false, text, errors);
        var done = TypedDay.Parse(DoneOn, Prefix + "-done", today, pastOnly: true, text, errors);
        if (!Enum.IsDefined(Status))
        {
            errors.Add((Prefix + "-status", text["Staff.Cases.Measures.ChooseStatus"]));
        }

        return errors.Count > before ? null : new MeasureInput(What!, Responsible, due, Status, done, Effect);
    }
}
