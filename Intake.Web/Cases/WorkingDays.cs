namespace Intake.Web.Cases;

/// <summary>
/// Swedish working days: Monday to Friday except the public holidays (Lag 1989:253 om allmänna helgdagar) and the
/// eves that municipal offices treat as holidays (midsummer, Christmas and New Year's Eve). Easter is computed
/// with the anonymous Gregorian algorithm.
/// </summary>
public sealed class WorkingDays
{
    public static WorkingDays Swedish { get; } = new();

    /// <summary>The working day <paramref name="count"/> working days after <paramref name="from"/>; 0 gives the day itself.</summary>
    public DateOnly Add(DateOnly from, int count)
    {
        var day = from;
        for (var added = 0; added < count;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                added++;
            }
        }

        return day;
    }

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(day);

    public static bool IsHoliday(DateOnly day)
    {
        var easter = Easter(day.Year);
        var midsummerEve = Enumerable.Range(19, 7).Select(d => new DateOnly(day.Year, 6, d)).Single(d => d.DayOfWeek == DayOfWeek.Friday);
        return (day.Month, day.Day) is (1, 1) or (1, 6) or (5, 1) or (6, 6) or (12, 24) or (12, 25) or (12, 26) or (12, 31)
            || day == easter.AddDays(-2) || day == easter.AddDays(1) || day == easter.AddDays(39) || day == midsummerEve;
    }

    /// <summary>Easter Sunday of a Gregorian year (Meeus/Jones/Butcher).</summary>
    public static DateOnly Easter(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
