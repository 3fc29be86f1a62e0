using Microsoft.AspNetCore.Mvc;

namespace Intake.Web.Pages.Staff.Cases;

/// <summary>
/// What a saved action on the case page says, and where: each action goes back to the case page at its own
/// section (<c>#reply</c>, <c>#status</c>...), whose confirmation is shown there rather than at the top.
/// </summary>
public static class CaseDone
{
    /// <summary>The view data key under which the case page tells its sections which one was just saved.</summary>
    public const string SectionKey = "CaseDoneSection";

    /// <summary>The view data key of that section's confirmation.</summary>
    public const string MessageKey = "CaseDoneMessage";

    private static readonly Dictionary<string, (string Section, string Text)> _actions = new(StringComparer.Ordinal)
    {
        ["replied"] = ("reply", "Staff.Cases.Details.ReplyHasBeenSentReporters"),
        ["noted"] = ("note", "Staff.Cases.Details.InternalNoteHasBeenSaved"),
        ["status"] = ("status", "Staff.Cases.Details.StatusHasBeenChanged"),
        ["closed"] = ("status", "Staff.Cases.Details.CaseHasBeenClosed"),
        ["closed-sent"] = ("status", "Staff.Cases.Details.CaseClosedMessageSent"),
        ["assigned"] = ("assign", "Staff.Cases.Details.AssigneeHasBeenChanged"),
        ["categorised"] = ("categorise", "Staff.Cases.Details.CategoriesHaveBeenSaved"),
        ["triage"] = ("triage", "Staff.Cases.Details.TriageHasBeenSaved"),
        ["urgency"] = ("threat-overview", "Staff.Cases.Threat.UrgencySaved"),
        ["statutory"] = ("statutory", "Staff.Cases.Threat.StatutorySaved"),
        ["receipt"] = ("statutory", "Staff.Cases.Receipt.Attached"),
        ["measure"] = ("measures", "Staff.Cases.Threat.MeasureSaved"),
        ["unit"] = ("unit", "Staff.Cases.Threat.UnitSaved"),
    };

    /// <summary>The section an action's confirmation belongs to and its resource key; null for an unknown action.</summary>
    public static (string Section, string Text)? Of(string? done) =>
        done is not null && _actions.TryGetValue(done, out var found) ? found : null;

    /// <summary>Back to the case page at the action's section, with its confirmation.</summary>
    public static RedirectToPageResult Redirect(Guid caseId, string done) =>
        new("Details", null, new { id = caseId, done }, Of(done)?.Section);
}
