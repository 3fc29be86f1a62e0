using System.Numerics;

namespace Intake.Tests.Web.Statistics;

/// <summary>
/// A reader who has every published figure and knows every sum between them (a total is its parts, a quarter its
/// months, a year its quarters) and tries to work out the hidden ones: exact linear algebra over the rationals
/// (independent of the application's own audit, which works modulo a prime), bounds (a hidden figure is at least
/// 1, since zeros are shown), and, when few figures are hidden, trying every assignment.
/// </summary>
public sealed class DisclosureAttacker
{
    private readonly Dictionary<string, long> _known = new(StringComparer.Ordinal);
    private readonly HashSet<string> _hidden = new(StringComparer.Ordinal);
    private readonly List<(string Parent, string[] Parts)> _sums = [];

    public void Shown(string cell, long value) => _known[cell] = value;

    public void Hidden(string cell) => _hidden.Add(cell);

    public void Sum(string parent, params string[] parts) => _sums.Add((parent, parts));

    public IReadOnlyCollection<string> HiddenCells => _hidden;

    /// <summary>The hidden figures this reader can pin to one value, with that value.</summary>
    public IReadOnlyDictionary<string, long> Recover()
    {
        var found = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (cell, value) in Linear())
        {
            found[cell] = value;
        }

        foreach (var (cell, value) in Bounds())
        {
            found[cell] = value;
        }

        return found;
    }

    private List<(string Parent, string[] Parts)> Relevant() =>
        _sums.Where(s => s.Parts.Prepend(s.Parent).All(c => _known.ContainsKey(c) || _hidden.Contains(c))).ToList();

    public IEnumerable<(string Cell, long Value)> Linear()
    {
        var unknowns = _hidden.Order(StringComparer.Ordinal).ToList();
        var column = unknowns.Select((u, i) => (u, i)).ToDictionary(p => p.u, p => p.i, StringComparer.Ordinal);
        var rows = new List<BigInteger[]>();
        foreach (var (parent, parts) in Relevant())
        {
            // parent - sum(parts) = 0, with the known values moved to the right-hand side (last column).
            var row = new BigInteger[unknowns.Count + 1];
            void Add(string cell, int sign)
            {
                if (column.TryGetValue(cell, out var c))
                {
                    row[c] += sign;
                }
                else
                {
                    row[^1] -= sign * _known[cell];
                }
            }

            Add(parent, 1);
            foreach (var part in parts)
            {
                Add(part, -1);
            }

            rows.Add(row);
        }

        var pivots = new List<(int Row, int Column)>();
        var next = 0;
        for (var c = 0; c < unknowns.Count && next < rows.Count; c++)
        {
            var pivot = rows.FindIndex(next, r => !r[c].IsZero);
            if (pivot < 0)
            {
                continue;
            }

            (rows[next], rows[pivot]) = (rows[pivot], rows[next]);
            for (var r = 0; r < rows.Count; r++)
            {
                if (r != next && !rows[r][c].IsZero)
                {
                    var a = rows[next][c];
                    var b = rows[r][c];
                    for (var k = 0; k < rows[r].Length; k++)
                    {
                        rows[r][k] = (rows[r][k] * a) - (rows[next][k] * b);
                    }

                    Normalise(rows[r]);
                }
            }

            pivots.Add((next, c));
            next++;
        }

        foreach (var (row, c) in pivots)
        {
            var others = Enumerable.Range(0, unknowns.Count).Any(k => k != c && !rows[row][k].IsZero);
            if (!others)
            {
                yield return (unknowns[c], (long)(rows[row][^1] / rows[row][c]));
            }
        }
    }

    public IEnumerable<(string Cell, long Value)> Bounds()
    {
        const long unbounded = long.MaxValue / 4;
        var low = new Dictionary<string, long>(StringComparer.Ordinal);
        var high = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (cell, value) in _known)
        {
            low[cell] = high[cell] = value;
        }

        foreach (var cell in _hidden)
        {
            low[cell] = 1;
            high[cell] = unbounded;
        }

        var sums = Relevant();
        for (var round = 0; round < 200; round++)
        {
            var moved = false;
            foreach (var (parent, parts) in sums)
            {
                var partsLow = parts.Sum(p => low[p]);
                var partsHigh = parts.Any(p => high[p] >= unbounded) ? unbounded : parts.Sum(p => high[p]);
                moved |= Tighten(low, high, parent, partsLow, partsHigh);
                foreach (var part in parts)
                {
                    var othersLow = parts.Where(p => p != part).Sum(p => low[p]);
                    var othersHigh = parts.Where(p => p != part).Any(p => high[p] >= unbounded) ? unbounded : parts.Where(p => p != part).Sum(p => high[p]);
                    moved |= Tighten(low, high, part, othersHigh >= unbounded ? 0 : low[parent] - othersHigh,
                        high[parent] >= unbounded ? unbounded : high[parent] - othersLow);
                }
            }

            if (!moved)
            {
                break;
            }
        }

        return _hidden.Where(c => low[c] == high[c]).Select(c => (c, low[c]));
    }

    private static bool Tighten(Dictionary<string, long> low, Dictionary<string, long> high, string cell, long newLow, long newHigh)
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

    private static void Normalise(BigInteger[] row)
    {
        var gcd = BigInteger.Zero;
        foreach (var value in row)
        {
            gcd = BigInteger.GreatestCommonDivisor(gcd, value);
        }

        if (gcd > 1)
        {
            for (var k = 0; k < row.Length; k++)
            {
                row[k] /= gcd;
            }
        }
    }
}
