using Microsoft.Extensions.Options;

namespace Intake.Web.Cases;

/// <summary>
/// Today's date where the municipality is. Deadlines count calendar days in that time zone, so a report sent at
/// 00:30 Swedish time counts from that Swedish day whatever the server's clock or UTC offset says.
/// </summary>
public sealed class CaseCalendar(TimeProvider clock, IOptions<CaseOptions> options)
{
    private readonly TimeZoneInfo _zone = FindZone(options.Value.TimeZone);

    public TimeZoneInfo Zone => _zone;

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), _zone).DateTime);

    /// <summary>Converts an instant to the local calendar day.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, _zone).DateTime);

    private static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            throw new InvalidOperationException($"The time zone '{id}' (Intake:Cases:TimeZone) is not known on this machine; install tzdata.");
        }
    }
}
