using System.Globalization;

namespace Intake.Web.Statistics;

/// <summary>How finely the statistics divide time. A month is the finest: no figure is ever about a day or a week.</summary>
public enum Grain
{
    Month = 0,
    Quarter = 1,
    Year = 2,
}

/// <summary>
/// One fixed calendar period: a month, a quarter or a year. Periods never overlap within a grain and a coarser one
/// is always a whole number of finer ones, so every figure is about one of a fixed set of periods and no two
/// requests can ask about periods that differ by a day.
/// </summary>
/// <param name="Index">The number of the period within its year: month 1–12, quarter 1–4, and 1 for the year.</param>
public readonly record struct Period(Grain Grain, int Year, int Index) : IComparable<Period>
{
    public DateOnly Start => Grain switch
    {
        Grain.Month => new DateOnly(Year, Index, 1),
        Grain.Quarter => new DateOnly(Year, ((Index - 1) * 3) + 1, 1),
        _ => new DateOnly(Year, 1, 1),
    };

    public DateOnly End => Grain switch
    {
        Grain.Month => Start.AddMonths(1).AddDays(-1),
        Grain.Quarter => Start.AddMonths(3).AddDays(-1),
        _ => new DateOnly(Year, 12, 31),
    };

    /// <summary>2026-03, 2026-Q1 or 2026: the form used in addresses, CSV files and table headers.</summary>
    public string Label => Grain switch
    {
        Grain.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Index:00}"),
        Grain.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-Q{Index}"),
        _ => Year.ToString("0000", CultureInfo.InvariantCulture),
    };

    public static int PeriodsPerYear(Grain grain) => grain switch
    {
        Grain.Month => 12,
        Grain.Quarter => 4,
        _ => 1,
    };

    /// <summary>The period of the given grain that holds a day.</summary>
    public static Period Of(Grain grain, DateOnly day) => grain switch
    {
        Grain.Month => new Period(grain, day.Year, day.Month),
        Grain.Quarter => new Period(grain, day.Year, ((day.Month - 1) / 3) + 1),
        _ => new Period(grain, day.Year, 1),
    };

    /// <summary>Parses a label of the given grain (2026-03, 2026-Q1, 2026); anything else is null.</summary>
    public static Period? Parse(Grain grain, string? label)
    {
        if (string.IsNullOrEmpty(label) || label.Length > 7 || !int.TryParse(label.AsSpan(0, Math.Min(4, label.Length)), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || label.Length < 4 || year is < 1900 or > 9999)
        {
            return null;
        }

        var rest = label.AsSpan(4);
        return grain switch
        {
            Grain.Year when rest.IsEmpty => new Period(grain, year, 1),
            Grain.Month when rest.Length == 3 && rest[0] == '-' && int.TryParse(rest[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12
                => new Period(grain, year, month),
            Grain.Quarter when rest.Length == 3 && rest[0] == '-' && rest[1] == 'Q' && rest[2] is >= '1' and <= '4' => new Period(grain, year, rest[2] - '0'),
            _ => null,
        };
    }

    public Period Next() => Index == PeriodsPerYear(Grain) ? new Period(Grain, Year + 1, 1) : this with { Index = Index + 1 };

    /// <summary>The months this period is made of.</summary>
    public IEnumerable<Period> Months()
    {
        for (var month = Period.Of(Grain.Month, Start); month.Start <= End; month = month.Next())
        {
            yield return month;
        }
    }

    /// <summary>The periods of the next finer grain that make up this one (quarters of a year, months of a quarter).</summary>
    public IEnumerable<Period> Parts()
    {
        var year = Year;
        return Grain switch
        {
            Grain.Year => Enumerable.Range(1, 4).Select(q => new Period(Grain.Quarter, year, q)),
            Grain.Quarter => Months(),
            _ => [],
        };
    }

    public int CompareTo(Period other) => Start != other.Start ? Start.CompareTo(other.Start) : Grain.CompareTo(other.Grain);

    public static bool operator <(Period left, Period right) => left.CompareTo(right) < 0;

    public static bool operator >(Period left, Period right) => left.CompareTo(right) > 0;

    public static bool operator <=(Period left, Period right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Period left, Period right) => left.CompareTo(right) >= 0;

    public override string ToString() => Label;
}
