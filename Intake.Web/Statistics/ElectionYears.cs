namespace Intake.Web.Statistics;

/// <summary>
/// Swedish general elections: every fourth year in September since 1994 (1994, 1998, …, 2018, 2022, 2026). Before
/// 1994 the term was three years; no case of Intake's is that old.
/// </summary>
public static class ElectionYears
{
    public static bool IsElectionYear(int year) => year >= 1994 && (year - 1994) % 4 == 0;
}
