namespace Intake.Web.Audit;

/// <summary>
/// An audit entry's time as every engine stores it exactly: UTC, in whole microseconds (PostgreSQL's
/// <c>timestamptz</c> keeps no finer time), so the hash over it verifies after a round trip through the database.
/// </summary>
internal static class AuditTime
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    public static DateTimeOffset Of(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TicksPerMicrosecond), TimeSpan.Zero);
    }
}
