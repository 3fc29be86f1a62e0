namespace Intake.Web.Cases;

/// <summary>How a closed case ended. Stable codes: they stay in the statistics stub after disposal.</summary>
public static class CaseOutcomes
{
    public const string MeasuresTaken = "measures-taken";
    public const string NoWrongdoingFound = "no-wrongdoing-found";
    public const string ReferredElsewhere = "referred-elsewhere";
    public const string OutsideScope = "outside-scope";
    public const string InsufficientInformation = "insufficient-information";
    public const string SupportGiven = "support-given";
    public const string Withdrawn = "withdrawn";

    public static IReadOnlyList<string> All { get; } =
        [MeasuresTaken, NoWrongdoingFound, ReferredElsewhere, OutsideScope, InsufficientInformation, SupportGiven, Withdrawn];
}
