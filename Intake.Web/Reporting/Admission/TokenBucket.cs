namespace Intake.Web.Reporting.Admission;

/// <summary>
/// A token bucket on the application clock (so that tests can move time): holds up to <paramref name="capacity"/>
/// tokens and gets <paramref name="perHour"/> back per hour. It counts, it knows nothing of who takes.
/// </summary>
public sealed class TokenBucket(int capacity, int perHour)
{
    private readonly Lock _lock = new();
    private double _tokens = capacity;
    private DateTimeOffset _last = DateTimeOffset.MinValue;

    public bool TryTake(DateTimeOffset now)
    {
        lock (_lock)
        {
            Refill(now);
            if (_tokens < 1)
            {
                return false;
            }

            _tokens -= 1;
            return true;
        }
    }

    /// <summary>Whether a token is there now, without taking it.</summary>
    public bool HasToken(DateTimeOffset now)
    {
        lock (_lock)
        {
            Refill(now);
            return _tokens >= 1;
        }
    }

    public TimeSpan TimeToNext(DateTimeOffset now)
    {
        lock (_lock)
        {
            Refill(now);
            return _tokens >= 1 || perHour <= 0 ? TimeSpan.Zero : TimeSpan.FromHours((1 - _tokens) / perHour);
        }
    }

    /// <summary>How far below full the bucket is: tokens taken and not yet refilled.</summary>
    public int Spent(DateTimeOffset now)
    {
        lock (_lock)
        {
            Refill(now);
            return (int)(capacity - _tokens);
        }
    }

    private void Refill(DateTimeOffset now)
    {
        if (_last != DateTimeOffset.MinValue && now > _last)
        {
            _tokens = Math.Min(capacity, _tokens + ((now - _last).TotalHours * perHour));
        }

        _last = now;
    }
}
