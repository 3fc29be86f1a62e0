using Intake.Web.Statistics;

namespace Intake.Tests.Web.Statistics;

/// <summary>
/// The suppression rules on hand-made tables and on a corpus of random ones: no count from 1 to k−1 is shown, and
/// the attacker who knows every sum recovers no hidden count.
/// </summary>
public sealed class CellSuppressionTests
{
    private const int K = 5;

    [Fact]
    public void OneSmallCellInARow_HidesASecondCell_SoTheTotalGivesNothingAway()
    {
        var (problem, cells) = Row(total: 20, parts: [2, 9, 9]);

        var hidden = CellSuppression.Suppress(problem, K);

        Assert.True(hidden[cells[1]]);
        Assert.Equal(2, cells.Skip(1).Count(c => hidden[c]));
        Assert.Empty(Attack(problem, hidden));
    }

    [Fact]
    public void TwoOnesUnderAShownTotal_AreNotLeftAlone_BecauseTheirSumWouldFixBoth()
    {
        var (problem, cells) = Row(total: 12, parts: [1, 1, 10]);

        var hidden = CellSuppression.Suppress(problem, K);

        Assert.True(hidden[cells[3]] || hidden[cells[0]]);
        Assert.Empty(Attack(problem, hidden));
    }

    [Fact]
    public void AHiddenCellOnABridgeBetweenTwoCycles_IsFoundByTheLinearAudit()
    {
        // Rows r1..r4 and columns c1..c4 with margins; hidden cells form the cycles r1/r2 × c1/c2 and r3/r4 × c3/c4,
        // joined by r2c3: every row and column has two hidden cells or none, yet r2c3 is fixed by the margins.
        var problem = new SuppressionProblem();
        var cell = new int[5, 5];
        var values = new long[4, 4] { { 7, 7, 9, 9 }, { 7, 7, 7, 9 }, { 9, 9, 7, 7 }, { 9, 9, 7, 7 } };
        for (var r = 0; r < 4; r++)
        {
            for (var c = 0; c < 4; c++)
            {
                cell[r, c] = problem.AddCell(values[r, c]);
            }
        }

        for (var r = 0; r < 4; r++)
        {
            cell[r, 4] = problem.AddCell(Enumerable.Range(0, 4).Sum(c => values[r, c]));
            problem.AddRelation(cell[r, 4], [.. Enumerable.Range(0, 4).Select(c => cell[r, c])]);
        }

        for (var c = 0; c < 4; c++)
        {
            cell[4, c] = problem.AddCell(Enumerable.Range(0, 4).Sum(r => values[r, c]));
            problem.AddRelation(cell[4, c], [.. Enumerable.Range(0, 4).Select(r => cell[r, c])]);
        }

        var hidden = new bool[problem.Count];
        foreach (var (r, c) in new[] { (0, 0), (0, 1), (1, 0), (1, 1), (2, 2), (2, 3), (3, 2), (3, 3), (1, 2) })
        {
            hidden[cell[r, c]] = true;
        }

        Assert.Contains(cell[1, 2], LinearDisclosureAudit.Determined(problem, hidden));
    }

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 200)];

    /// <summary>
    /// A random year of one dimension with three values: months, quarters and the year for each value and for the
    /// total, every sum declared. Small counts are common, as in a small municipality.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomYear_ShowsNoSmallCount_AndTheAttackerRecoversNothing(int seed)
    {
        var random = new Random(seed);
        var problem = new SuppressionProblem();
        var rows = 4;
        var months = new long[rows, 12];
        for (var v = 1; v < rows; v++)
        {
            for (var m = 0; m < 12; m++)
            {
                months[v, m] = random.Next(10) < 4 ? 0 : random.Next(1, seed % 3 == 0 ? 6 : 14);
                months[0, m] += months[v, m];
            }
        }

        var ids = new int[rows, 17];
        for (var v = 0; v < rows; v++)
        {
            for (var m = 0; m < 12; m++)
            {
                ids[v, m] = problem.AddCell(months[v, m]);
            }

            for (var q = 0; q < 4; q++)
            {
                ids[v, 12 + q] = problem.AddCell(months[v, q * 3] + months[v, (q * 3) + 1] + months[v, (q * 3) + 2]);
                problem.AddRelation(ids[v, 12 + q], [ids[v, q * 3], ids[v, (q * 3) + 1], ids[v, (q * 3) + 2]]);
            }

            ids[v, 16] = problem.AddCell(Enumerable.Range(0, 12).Sum(m => months[v, m]));
            problem.AddRelation(ids[v, 16], [ids[v, 12], ids[v, 13], ids[v, 14], ids[v, 15]]);
        }

        for (var p = 0; p < 17; p++)
        {
            problem.AddRelation(ids[0, p], [.. Enumerable.Range(1, rows - 1).Select(v => ids[v, p])]);
        }

        var hidden = CellSuppression.Suppress(problem, K);

        for (var i = 0; i < problem.Count; i++)
        {
            Assert.False(!hidden[i] && problem.Value(i) is > 0 and < K, $"cell {i} shows {problem.Value(i)}");
        }

        Assert.Empty(Attack(problem, hidden));
    }

    private static (SuppressionProblem Problem, int[] Cells) Row(long total, long[] parts)
    {
        var problem = new SuppressionProblem();
        var cells = new List<int> { problem.AddCell(total) };
        cells.AddRange(parts.Select(problem.AddCell));
        problem.AddRelation(cells[0], cells[1..]);
        return (problem, [.. cells]);
    }

    /// <summary>What the attacker recovers of the hidden non-zero counts (a hidden zero is never a person).</summary>
    private static IReadOnlyDictionary<string, long> Attack(SuppressionProblem problem, bool[] hidden)
    {
        var attacker = new DisclosureAttacker();
        for (var i = 0; i < problem.Count; i++)
        {
            if (hidden[i])
            {
                attacker.Hidden(Name(i));
            }
            else
            {
                attacker.Shown(Name(i), problem.Value(i));
            }
        }

        foreach (var relation in problem.Relations)
        {
            attacker.Sum(Name(relation.Parent), [.. relation.Parts.Select(Name)]);
        }

        var recovered = attacker.Recover();
        Assert.True(recovered.Count == 0, "linear: " + string.Join(",", attacker.Linear()) + " bounds: " + string.Join(",", attacker.Bounds())
            + " engine linear: " + string.Join(",", LinearDisclosureAudit.Determined(problem, hidden)) + " engine bounds: " + string.Join(",", BoundsDisclosureAudit.Pinned(problem, hidden)));
        foreach (var (cell, value) in recovered)
        {
            Assert.Equal(problem.Value(int.Parse(cell, System.Globalization.CultureInfo.InvariantCulture)), value);
        }

        return recovered;
    }

    private static string Name(int cell) => cell.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
