using Intake.Web.Cases;

namespace Intake.Web.Pages.Staff.Cases;

/// <summary>
/// The reply or the note form of a case as shown: on the case page (empty, or filled from a ready text) and on the
/// write page when a post was refused, with what was typed, the messages by each field and the files to choose
/// again (a browser cannot be handed files back).
/// </summary>
public sealed class WriteForm
{
    public required Guid CaseId { get; init; }

    public string? Text { get; init; }

    public ReplyPurpose Purpose { get; init; }

    public string? TextError { get; init; }

    public string? PurposeError { get; init; }

    /// <summary>Localized messages about the files: refused ones by name, or an expired form.</summary>
    public IReadOnlyList<string> FileErrors { get; init; } = [];

    public IReadOnlyList<string> ChooseAgain { get; init; } = [];

    /// <summary>The reply form's ready texts: the picker's choices, filled in for the case (empty for the note form).</summary>
    public IReadOnlyList<ReplyTemplate> ReadyTexts { get; init; } = [];

    /// <summary>The ready text selected in the picker: the one the case's state suggests, or the last one inserted.</summary>
    public string? SelectedReadyText { get; init; }

    /// <summary>Set after a ready text was added without JavaScript: the reply form says so.</summary>
    public bool ReadyTextAdded { get; init; }
}
