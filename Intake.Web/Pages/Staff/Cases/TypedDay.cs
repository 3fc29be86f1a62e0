using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Staff.Cases;

/// <summary>Days typed into the case page's forms (yyyy-MM-dd), kept as typed so a bad one comes back as it was.</summary>
public static class TypedDay
{
    public static string? Format(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The day, or null when empty or refused (then the problem is added under <paramref name="anchor"/>).</summary>
    public static DateOnly? Parse(string? typed, string anchor, DateOnly today, bool pastOnly, IStringLocalizer text, List<(string Anchor, string Message)> errors)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(typed.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            errors.Add((anchor, text["Staff.Cases.TriageForm.WriteDateAsYyyyMm"]));
            return null;
        }

        if (pastOnly && day > today)
        {
            errors.Add((anchor, text["Staff.Cases.TriageForm.DateCannotInFuture"]));
            return null;
        }

        return day;
    }

    /// <summary>Adds "too long" under <paramref name="anchor"/> when the trimmed text is longer than <paramref name="max"/>.</summary>
    public static void CheckLength(string? typed, int max, string anchor, IStringLocalizer text, List<(string Anchor, string Message)> errors)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(errors);
        if ((typed?.Trim().Length ?? 0) > max)
        {
            errors.Add((anchor, text["Common.TextTooLongAtMost", max]));
        }
    }
}
