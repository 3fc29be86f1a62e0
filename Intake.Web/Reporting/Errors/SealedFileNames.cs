using System.Globalization;

namespace Intake.Web.Reporting.Errors;

/// <summary>
/// The names the scripts give the parts they seal: the report or message document, and "n.age" for the n-th file
/// chosen. They are the page's own, never the reporter's, so no error shows them.
/// </summary>
public static class SealedFileNames
{
    public const string Report = "report.age";
    public const string Message = "message.age";

    public static bool IsInternal(string name) =>
        string.Equals(name, Report, StringComparison.Ordinal) || string.Equals(name, Message, StringComparison.Ordinal) || IndexOf(name) is not null;

    /// <summary>The place in the reporter's selection of a sealed attachment named "n.age", or null.</summary>
    public static int? IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        const string suffix = ".age";
        return name.EndsWith(suffix, StringComparison.Ordinal)
            && int.TryParse(name.AsSpan(0, name.Length - suffix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && index < 1000
                ? index
                : null;
    }
}
