using System.Globalization;
using Intake.Web.Reporting.Uploads;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Staff.Cases;

/// <summary>
/// What went wrong with the files of a handler's form, in words: an expired form (whose files were not taken), and
/// each refused file by name with the reporter forms' messages and limits.
/// </summary>
public static class UploadProblems
{
    public static IReadOnlyList<string> Describe(UploadResult upload, UploadOptions limits, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(text);
        var problems = new List<string>();
        if (upload.AntiforgeryFailed)
        {
            problems.Add(text["Staff.Cases.UploadProblems.FormHadExpiredWhatWrote"]);
        }

        foreach (var (name, key) in upload.Refused.Where(r => !(upload.AntiforgeryFailed && r.MessageKey == "Upload.Error.Resend")))
        {
            var message = key == "Upload.Error.TooMany"
                ? text["Staff.Cases.UploadProblems.AtMostFilesAtTime", limits.MaxFiles]
                : string.Format(CultureInfo.CurrentCulture, text[key], limits.MaxFileBytes / 1_000_000, limits.MaxSubmissionBytes / 1_000_000);
            problems.Add(name.Length > 0 ? name + ": " + message : message);
        }

        return problems;
    }
}
