namespace Intake.Web.Statistics;

/// <summary>
/// A set of counts and the additive relations between them that a reader of the published tables knows
/// (a total is the sum of its parts): what <see cref="CellSuppression"/> decides which counts to hide in.
/// </summary>
public sealed class SuppressionProblem
{
    private readonly List<long> _values = [];
    private readonly List<Relation> _relations = [];
    private readonly List<List<int>> _relationsOf = [];

    public int Count => _values.Count;

    public IReadOnlyList<Relation> Relations => _relations;

    public long Value(int cell) => _values[cell];

    /// <summary>The relations a cell takes part in, as parent or as part.</summary>
    public IReadOnlyList<int> RelationsOf(int cell) => _relationsOf[cell];

    public int AddCell(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        _values.Add(value);
        _relationsOf.Add([]);
        return _values.Count - 1;
    }

    /// <summary>Says that <paramref name="parent"/> is the sum of <paramref name="parts"/>.</summary>
    public void AddRelation(int parent, IReadOnlyList<int> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0)
        {
            return;
        }

        var index = _relations.Count;
        _relations.Add(new Relation(parent, [.. parts]));
        _relationsOf[parent].Add(index);
        foreach (var part in parts)
        {
            _relationsOf[part].Add(index);
        }
    }

    public sealed record Relation(int Parent, int[] Parts)
    {
        public IEnumerable<int> Cells => Parts.Prepend(Parent);
    }
}
