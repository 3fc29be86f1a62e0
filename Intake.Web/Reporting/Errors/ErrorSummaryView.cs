namespace Intake.Web.Reporting.Errors;

/// <summary>
/// What the one error summary of a reporter's form shows (Pages/Shared/_ErrorSummary): a heading, each problem
/// linked to its field, and the files to choose again. It is rendered, hidden when empty, first in the page's main
/// content, so the page's script fills the same element the server does.
/// </summary>
/// <param name="FieldIds">The id of the control each field's problem links to; a field not in it is not linked.</param>
public sealed record ErrorSummaryView(
    string Heading, IReadOnlyList<ShownError> Errors, IReadOnlyList<string> FilesToChooseAgain, string ChooseAgainText, Func<string, string?> FieldIds)
{
    public const string Id = "error-summary";

    public bool HasErrors => Errors.Count > 0;
}
