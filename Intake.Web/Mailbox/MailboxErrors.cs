using Intake.Web.Reporting.Errors;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Mailbox;

/// <summary>
/// The mailbox's follow-up form in the one error summary (Pages/Shared/_ErrorSummary): the server page shows a
/// refused message in it, and the page's script fills the same summary, rendered empty in its template.
/// </summary>
public static class MailboxErrors
{
    /// <summary>The controls a problem links to: the message and the file field, by the ids both pages give them.</summary>
    public static string? FieldId(string field) => field is "message" or "attachments" ? field : null;

    public static ErrorSummaryView Summary(IStringLocalizer T, IReadOnlyList<ShownError> errors, IReadOnlyList<string> filesToChooseAgain) =>
        new(MailboxText.NotSent(T), errors, filesToChooseAgain, T["Mailbox.Open.ChooseTheseFilesAgain"], FieldId);

    /// <summary>The summary with nothing in it, hidden, for the script to fill.</summary>
    public static ErrorSummaryView Empty(IStringLocalizer T) => Summary(T, [], []);
}
