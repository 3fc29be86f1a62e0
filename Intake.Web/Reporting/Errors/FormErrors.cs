using System.Globalization;
using Intake.Web.Reporting.Forms;
using Intake.Web.Reporting.Uploads;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Reporting.Errors;

/// <summary>
/// Puts a refused submission's problems into the one list both modes show (<see cref="FormError"/>), and says
/// which files may be chosen again.
/// </summary>
public static class FormErrors
{
    public const string ExpiredKey = "Report.Error.Expired";

    /// <summary>Refusals that say nothing against the file itself: it may be chosen again and sent as it is.</summary>
    private static readonly HashSet<string> _resendable = new(StringComparer.Ordinal)
    {
        "Upload.Error.Resend", "Upload.Error.Malformed", "Report.Error.Busy",
    };

    /// <summary>Whether a file refused with this message may be sent again unchanged.</summary>
    public static bool CanSendAgain(string messageKey) => _resendable.Contains(messageKey);

    /// <summary>
    /// The problems of a refused report or follow-up. An expired form is one instruction, not one error for it and
    /// another for every file it carried: what was typed is kept, and the files are listed to be chosen again.
    /// </summary>
    public static IReadOnlyList<FormError> Of(
        IEnumerable<FieldProblem> problems, IEnumerable<(string Name, string MessageKey)> refusedFiles, bool expired)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(refusedFiles);
        if (expired)
        {
            return [new FormError(string.Empty, ExpiredKey)];
        }

        var errors = problems.Select(p => new FormError(p.Field, p.MessageKey)).ToList();
        foreach (var (name, key) in refusedFiles)
        {
            var index = SealedFileNames.IndexOf(name);
            errors.Add(index is null && SealedFileNames.IsInternal(name)
                ? new FormError(string.Empty, key)
                : new FormError(ReportIntake.FileField, key, index is null && name.Length > 0 ? name : null, index));
        }

        return errors.Distinct().ToList();
    }

    /// <summary>The files to choose again: those taken before the form was refused, and those refused only for the moment.</summary>
    public static IReadOnlyList<string> ToChooseAgain(IEnumerable<string> taken, IEnumerable<(string Name, string MessageKey)> refusedFiles)
    {
        ArgumentNullException.ThrowIfNull(taken);
        ArgumentNullException.ThrowIfNull(refusedFiles);
        return taken.Concat(refusedFiles.Where(r => CanSendAgain(r.MessageKey)).Select(r => r.Name))
            .Where(n => n.Length > 0 && !SealedFileNames.IsInternal(n))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The words of each problem in the page's language, with the upload limits filled in.</summary>
    public static IReadOnlyList<ShownError> Show(IStringLocalizer text, IEnumerable<FormError> errors, ReportForm? form, UploadOptions limits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(limits);
        var maxFileMb = limits.MaxFileBytes / 1_000_000;
        var maxTotalMb = limits.MaxSubmissionBytes / 1_000_000;
        return errors.Select(e =>
        {
            var message = string.Format(CultureInfo.CurrentCulture, text[e.MessageKey].Value, maxFileMb, maxTotalMb);
            var field = form?.Field(e.Field);
            var prefix = e.FileName is { Length: > 0 } name ? name + ": "
                : field is null ? string.Empty
                : FormText.Label(text, field) + ": ";
            return new ShownError(e.Field, prefix + message, e.FileIndex);
        }).ToList();
    }
}
