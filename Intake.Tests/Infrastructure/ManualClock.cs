namespace Intake.Tests.Infrastructure;

/// <summary>A clock the test moves by hand: starts at the real time, then only moves when told.</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
