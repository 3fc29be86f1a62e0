namespace Intake.Web.Statistics;

/// <summary>
/// Decides which counts to hide so that no count from 1 to k−1 is shown or can be worked out from what is shown
/// (docs/statistics.md, "Rules"):
/// <list type="number">
/// <item>Primary: every count from 1 to k−1 is hidden. Zero is shown.</item>
/// <item>Complementary: in every relation whose total is shown, the hidden parts are none, or at least two whose
/// sum is at least k and larger than their number; otherwise the smallest shown non-zero part is hidden too (the
/// total when no part is left).</item>
/// <item>Audit: no hidden count may be fixed by the relations (<see cref="LinearDisclosureAudit"/>) or by the
/// bounds a reader knows, that a hidden count is at least 1 (<see cref="BoundsDisclosureAudit"/>); one that is
/// gets a neighbour hidden, and the rules run again.</item>
/// </list>
/// Deterministic: the same counts always give the same pattern, so asking twice shows nothing new.
/// </summary>
public static class CellSuppression
{
    public static bool[] Suppress(SuppressionProblem problem, int minimumCell)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumCell, 2);
        var hidden = new bool[problem.Count];
        for (var cell = 0; cell < problem.Count; cell++)
        {
            hidden[cell] = problem.Value(cell) is > 0 and var v && v < minimumCell;
        }

        // Every round hides at least one more non-zero count, so this ends after at most Count rounds.
        while (ApplyComplementaryRule(problem, hidden, minimumCell) || ApplyAudit(problem, hidden))
        {
        }

        return hidden;
    }

    private static bool ApplyComplementaryRule(SuppressionProblem problem, bool[] hidden, int minimumCell)
    {
        var changed = false;
        foreach (var relation in problem.Relations)
        {
            if (hidden[relation.Parent])
            {
                continue;
            }

            var hiddenParts = 0;
            long hiddenSum = 0;
            foreach (var part in relation.Parts)
            {
                if (hidden[part])
                {
                    hiddenParts++;
                    hiddenSum += problem.Value(part);
                }
            }

            if (hiddenParts == 0 || (hiddenParts >= 2 && hiddenSum >= minimumCell && hiddenSum > hiddenParts))
            {
                continue;
            }

            var next = SmallestShown(problem, hidden, relation.Parts) ?? relation.Parent;
            hidden[next] = true;
            changed = true;
        }

        return changed;
    }

    private static bool ApplyAudit(SuppressionProblem problem, bool[] hidden)
    {
        var exposed = LinearDisclosureAudit.Determined(problem, hidden)
            .Concat(BoundsDisclosureAudit.Pinned(problem, hidden))
            .Where(cell => problem.Value(cell) > 0)
            .Distinct()
            .Order()
            .ToList();
        var changed = false;
        foreach (var cell in exposed)
        {
            if (NearestShown(problem, hidden, cell) is { } next)
            {
                hidden[next] = true;
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>
    /// The smallest shown non-zero count among the cells sharing a relation with <paramref name="cell"/>, or, when
    /// those are all hidden or zero, among the next ring of relations, and so on. When every count connected to a
    /// cell is hidden, the relations hold no shown number, so they cannot fix a non-zero count.
    /// </summary>
    private static int? NearestShown(SuppressionProblem problem, bool[] hidden, int cell)
    {
        var seen = new HashSet<int> { cell };
        var ring = new List<int> { cell };
        while (ring.Count > 0)
        {
            var next = ring.SelectMany(c => problem.RelationsOf(c)).Distinct()
                .SelectMany(r => problem.Relations[r].Cells).Where(seen.Add).ToList();
            if (SmallestShown(problem, hidden, next) is { } found)
            {
                return found;
            }

            ring = next;
        }

        return null;
    }

    private static int? SmallestShown(SuppressionProblem problem, bool[] hidden, IEnumerable<int> cells)
    {
        int? best = null;
        foreach (var cell in cells)
        {
            if (!hidden[cell] && problem.Value(cell) > 0 && (best is null || problem.Value(cell) < problem.Value(best.Value)
                || (problem.Value(cell) == problem.Value(best.Value) && cell < best.Value)))
            {
                best = cell;
            }
        }

        return best;
    }
}
