using Intake.Web.Cases;

namespace Intake.Web.Pages.Staff.Cases;

/// <summary>
/// The reply form's ready texts. With JavaScript the page inserts a ready text at the cursor; without it the
/// picker's button posts the form with what was typed, and <see cref="Add"/> puts the ready text after it, so
/// nothing typed is lost either way.
/// </summary>
public sealed class ReplyReadyTexts(CaseSchedule schedule, CaseReplyTemplates templates)
{
    public async Task<IReadOnlyList<ReplyTemplate>> ForAsync(CaseRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return templates.AllFor(record, await schedule.KindAsync(record, cancellationToken));
    }

    /// <summary>What was typed, then a blank line and the ready text; the ready text alone when nothing was typed.</summary>
    public static string Add(string? typed, string readyText)
    {
        ArgumentNullException.ThrowIfNull(readyText);
        var kept = (typed ?? string.Empty).TrimEnd();
        return kept.Length == 0 ? readyText : kept + "\n\n" + readyText;
    }
}
