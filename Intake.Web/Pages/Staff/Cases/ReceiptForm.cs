namespace Intake.Web.Pages.Staff.Cases;

/// <summary>The e-service receipt form as typed: which report it is the receipt of, and the file part (<see cref="WriteForm"/>).</summary>
public sealed class ReceiptForm
{
    public required WriteForm Files { get; init; }

    public string? Authority { get; init; }

    public string? AuthorityError { get; init; }
}
