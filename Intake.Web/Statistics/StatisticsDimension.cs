namespace Intake.Web.Statistics;

/// <summary>When a dimension's value is fixed: at receipt (the report's own codes), or by handling.</summary>
public enum DimensionTiming
{
    /// <summary>Set when the report arrives and never changed: counted as soon as the period is over.</summary>
    AtReceipt,

    /// <summary>
    /// Set by handling: each case is counted as it stood at its horizon, the end of the month a fixed number of
    /// months after the month it arrived (<see cref="StatisticsOptions.HandlingHorizonMonths"/>), and a period's
    /// figures appear once the horizon of its last month has passed. So a figure never changes once shown.
    /// </summary>
    AtHorizon,
}

/// <summary>
/// One way of dividing a channel's cases, defined once: which channels it applies to, its values in display order,
/// and how a case's clear columns give its value(s). Labels are resource keys
/// <c>Statistics.Dimension.{Key}</c> and <c>Statistics.Value.{Key}.{value}</c>, or the key <see cref="LabelKey"/>
/// gives (a form's option labels, the case vocabulary's outcomes), or the text <see cref="Label"/> gives directly (the
/// administrator's organisational units, named per language). An exclusive dimension gives each
/// case exactly one value, so its values add up to the cases received (and must include a fallback value); a
/// non-exclusive one (incident types) gives a case none, one or several. Any sum a reader knows between rows must be
/// declared (<see cref="TotalRow"/>), since suppression protects only the sums it is told about.
/// </summary>
public sealed record StatisticsDimension(
    string Key,
    IReadOnlyList<string> Channels,
    bool Exclusive,
    DimensionTiming Timing,
    IReadOnlyList<string> Values,
    Func<CaseFacts, StatisticsHorizon, IEnumerable<string>> Classify,
    string? PartOf = null,
    Func<string, string>? LabelKey = null,
    Func<string, string?>? Label = null)
{
    /// <summary>
    /// The row this dimension's values add up to, which a reader can therefore subtract from: the cases received for
    /// an exclusive dimension, or the row named by <see cref="PartOf"/> (outcomes add up to the closed cases).
    /// </summary>
    public string? TotalRow => Exclusive ? StatisticsBlock.Received : PartOf;

    public string TitleKey => "Statistics.Dimension." + Key;

    /// <summary>The resource key of a value's label: the report form's own words for a form's codes.</summary>
    public string ValueKey(string value) => LabelKey?.Invoke(value) ?? $"Statistics.Value.{Key}.{value}";

    public bool AppliesTo(string channelCode) => Channels.Contains(channelCode, StringComparer.Ordinal);
}

/// <summary>The day a case's handling dimensions are read at, and the deadlines they are judged by.</summary>
public sealed record StatisticsHorizon(DateOnly Day, Cases.CaseOptions Deadlines);
