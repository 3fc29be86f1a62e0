namespace Intake.Web.Cases;

/// <summary>How a closed case ended. Stable codes: they stay in the statistics stub after disposal. Each channel
/// kind offers its own list (<see cref="Channels.ChannelKind.Outcomes"/>).</summary>
public static class CaseOutcomes
{
    public const string MeasuresTaken = "measures-taken";
    public const string NoWrongdoingFound = "no-wrongdoing-found";
    public const string ReferredElsewhere = "referred-elsewhere";
    public const string OutsideScope = "outside-scope";
    public const string InsufficientInformation = "insufficient-information";
    public const string SupportGiven = "support-given";
    public const string Withdrawn = "withdrawn";
    public const string ProtectiveMeasures = "protective-measures";
    public const string PoliceReportMade = "police-report-made";
    public const string OccupationalHealth = "occupational-health";
    public const string NoFurtherAction = "no-further-action";

    public static IReadOnlyList<string> Whistleblowing { get; } =
        [MeasuresTaken, NoWrongdoingFound, ReferredElsewhere, OutsideScope, InsufficientInformation, SupportGiven, Withdrawn];

    /// <summary>What a threats case can end in: support, protection, a police report, occupational health care.</summary>
    public static IReadOnlyList<string> Threat { get; } =
        [SupportGiven, ProtectiveMeasures, PoliceReportMade, OccupationalHealth, ReferredElsewhere, NoFurtherAction, Withdrawn];

    public static IReadOnlyList<string> All { get; } = [.. Whistleblowing.Union(Threat)];
}
