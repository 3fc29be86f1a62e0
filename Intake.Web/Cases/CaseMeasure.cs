namespace Intake.Web.Cases;

public enum MeasureStatus
{
    Planned = 0,
    Done = 1,
    Cancelled = 2,
}

/// <summary>
/// A measure (åtgärd) of a threats-and-violence case, as in a work-environment incident system: what is done and
/// who is responsible (a role) and, at follow-up, whether it worked are one JSON document sealed to the channel
/// only; the due date, status and done date are in clear, since they drive the deadlines and the overdue marking.
/// </summary>
public sealed class CaseMeasure
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    /// <summary>1, 2, 3 … in the order the measures were added.</summary>
    public int Position { get; set; }

    public DateOnly CreatedOn { get; set; }

    public DateOnly? DueOn { get; set; }

    public MeasureStatus Status { get; set; }

    public DateOnly? DoneOn { get; set; }

    /// <summary><c>{"what": …, "responsible": …, "effect": …}</c> as an age file to the channel's recipient.</summary>
    public byte[] Sealed { get; set; } = [];
}
