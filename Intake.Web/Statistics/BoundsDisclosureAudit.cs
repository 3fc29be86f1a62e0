namespace Intake.Web.Statistics;

/// <summary>
/// Which hidden counts a reader can pin down from bounds alone: every hidden count is at least 1 (zero is shown),
/// and in each relation a hidden count lies between the total's bounds minus the other parts' bounds. The bounds
/// are tightened relation by relation until they no longer move; a hidden count whose lower and upper bound meet
/// is exposed.
/// </summary>
public static class BoundsDisclosureAudit
{
    private const int MaxRounds = 64;
    private const long Unbounded = long.MaxValue / 4;

    public static IReadOnlyList<int> Pinned(SuppressionProblem problem, IReadOnlyList<bool> hidden)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(hidden);
        var low = new long[problem.Count];
        var high = new long[problem.Count];
        for (var cell = 0; cell < problem.Count; cell++)
        {
            (low[cell], high[cell]) = hidden[cell] ? (1, Unbounded) : (problem.Value(cell), problem.Value(cell));
        }

        for (var round = 0; round < MaxRounds && Tighten(problem, low, high); round++)
        {
        }

        var pinned = new List<int>();
        for (var cell = 0; cell < problem.Count; cell++)
        {
            if (hidden[cell] && low[cell] == high[cell])
            {
                pinned.Add(cell);
            }
        }

        return pinned;
    }

    private static bool Tighten(SuppressionProblem problem, long[] low, long[] high)
    {
        var moved = false;
        foreach (var relation in problem.Relations)
        {
            long partsLow = 0, finiteHigh = 0;
            var unbounded = 0;
            foreach (var part in relation.Parts)
            {
                partsLow += low[part];
                if (high[part] >= Unbounded)
                {
                    unbounded++;
                }
                else
                {
                    finiteHigh += high[part];
                }
            }

            var parent = relation.Parent;
            moved |= Narrow(low, high, parent, partsLow, unbounded > 0 ? Unbounded : finiteHigh);
            foreach (var part in relation.Parts)
            {
                var partUnbounded = high[part] >= Unbounded;
                var othersUnbounded = unbounded - (partUnbounded ? 1 : 0) > 0;
                var othersHigh = partUnbounded ? finiteHigh : finiteHigh - high[part];
                var othersLow = partsLow - low[part];
                var partLow = othersUnbounded ? 0 : low[parent] - othersHigh;
                var partHigh = high[parent] >= Unbounded ? Unbounded : high[parent] - othersLow;
                moved |= Narrow(low, high, part, partLow, partHigh);
            }
        }

        return moved;
    }

    private static bool Narrow(long[] low, long[] high, int cell, long newLow, long newHigh)
    {
        var moved = false;
        if (newLow > low[cell])
        {
            low[cell] = newLow;
            moved = true;
        }

        if (newHigh < high[cell])
        {
            high[cell] = newHigh;
            moved = true;
        }

        return moved;
    }
}
