namespace Intake.Web.Statistics;

/// <summary>How a table is drawn: columns over time (one series per row), or bars for one column.</summary>
public enum ChartKind
{
    None,
    Columns,
    Bars,
}

/// <summary>
/// One table exactly as shown: the page, the chart beside it and the CSV file all render this object, so they
/// cannot disagree. Hidden counts are already replaced by their mark here.
/// </summary>
public sealed record StatisticsTable(
    string Id,
    string Title,
    string RowHeader,
    IReadOnlyList<string> Columns,
    IReadOnlyList<StatisticsRow> Rows,
    ChartKind Chart,
    string? Note = null)
{
    /// <summary>For a bar chart: the last column with at least one shown figure, or null.</summary>
    public int? LastShownColumn()
    {
        for (var column = Columns.Count - 1; column >= 0; column--)
        {
            if (Rows.Any(r => r.Cells[column].Value is not null))
            {
                return column;
            }
        }

        return null;
    }
}

public sealed record StatisticsRow(string Label, IReadOnlyList<StatisticsCell> Cells);

/// <summary>A cell's text, and its number for the chart when it is shown.</summary>
public sealed record StatisticsCell(string Text, double? Value, CellState State);

public enum CellState
{
    Shown,

    /// <summary>Hidden to protect people: a small count, or one that would let a small count be worked out.</summary>
    Hidden,

    /// <summary>Not published yet: the period is not over, or its handling horizon has not passed.</summary>
    NotYet,
}
