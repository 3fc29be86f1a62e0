namespace Intake.Web.Statistics;

/// <summary>A figure as published: a count, or hidden (small, or hidden so that a small one cannot be worked out).</summary>
public readonly record struct PublishedCount(long Count, bool Hidden)
{
    public static PublishedCount Shown(long count) => new(count, false);

    public static PublishedCount Suppressed { get; } = new(0, true);

    /// <summary>The count when shown; null when hidden. A hidden count's true value never leaves this type.</summary>
    public long? Value => Hidden ? null : Count;
}
