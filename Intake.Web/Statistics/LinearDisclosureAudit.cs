namespace Intake.Web.Statistics;

/// <summary>
/// Which hidden counts a reader can compute exactly by solving the relations with the shown counts put in: a
/// hidden count is fixed exactly when no solution of the homogeneous system moves it, i.e. after Gaussian
/// elimination it is a pivot whose row has no free variable. Exact arithmetic modulo the prime 2^31−1 (the
/// coefficients are 0 and ±1; a rank that differs over this field from the rationals would need a minor
/// divisible by that prime).
/// </summary>
public static class LinearDisclosureAudit
{
    private const long Prime = 2147483647;

    public static IReadOnlyList<int> Determined(SuppressionProblem problem, IReadOnlyList<bool> hidden)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(hidden);
        var columnOf = new Dictionary<int, int>();
        var cells = new List<int>();
        var rows = new List<long[]>();
        foreach (var relation in problem.Relations)
        {
            if (!relation.Cells.Any(c => hidden[c]))
            {
                continue;
            }

            foreach (var cell in relation.Cells.Where(c => hidden[c] && !columnOf.ContainsKey(c)))
            {
                columnOf[cell] = cells.Count;
                cells.Add(cell);
            }
        }

        foreach (var relation in problem.Relations)
        {
            if (!relation.Cells.Any(c => hidden[c]))
            {
                continue;
            }

            var row = new long[cells.Count];
            if (hidden[relation.Parent])
            {
                row[columnOf[relation.Parent]] = Prime - 1;
            }

            foreach (var part in relation.Parts.Where(p => hidden[p]))
            {
                row[columnOf[part]] = (row[columnOf[part]] + 1) % Prime;
            }

            rows.Add(row);
        }

        var pivots = Reduce(rows, cells.Count);
        var determined = new List<int>();
        foreach (var (row, column) in pivots)
        {
            var free = false;
            for (var c = 0; c < cells.Count && !free; c++)
            {
                free = c != column && rows[row][c] != 0;
            }

            if (!free)
            {
                determined.Add(cells[column]);
            }
        }

        return determined;
    }

    /// <summary>Reduced row echelon form in place; returns (row, pivot column) pairs.</summary>
    private static List<(int Row, int Column)> Reduce(List<long[]> rows, int columns)
    {
        var pivots = new List<(int, int)>();
        var next = 0;
        for (var column = 0; column < columns && next < rows.Count; column++)
        {
            var pivot = -1;
            for (var r = next; r < rows.Count && pivot < 0; r++)
            {
                pivot = rows[r][column] != 0 ? r : -1;
            }

            if (pivot < 0)
            {
                continue;
            }

            (rows[next], rows[pivot]) = (rows[pivot], rows[next]);
            var lead = rows[next];
            var inverse = Power(lead[column], Prime - 2);
            for (var c = 0; c < columns; c++)
            {
                lead[c] = lead[c] * inverse % Prime;
            }

            for (var r = 0; r < rows.Count; r++)
            {
                var factor = rows[r][column];
                if (r == next || factor == 0)
                {
                    continue;
                }

                var target = rows[r];
                for (var c = 0; c < columns; c++)
                {
                    if (lead[c] != 0)
                    {
                        target[c] = ((target[c] - (factor * lead[c] % Prime)) % Prime + Prime) % Prime;
                    }
                }
            }

            pivots.Add((next, column));
            next++;
        }

        return pivots;
    }

    private static long Power(long value, long exponent)
    {
        var result = 1L;
        value %= Prime;
        while (exponent > 0)
        {
            if ((exponent & 1) == 1)
            {
                result = result * value % Prime;
            }

            value = value * value % Prime;
            exponent >>= 1;
        }

        return result;
    }
}
