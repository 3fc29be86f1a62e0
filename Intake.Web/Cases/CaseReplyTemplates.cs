using System.Globalization;
using Intake.Web.Localization;
using Intake.Web.Templates;
using Microsoft.Extensions.Options;

namespace Intake.Web.Cases;

/// <summary>A ready text the handler can start a reply from, and what the reply then counts as.</summary>
public sealed record ReplyTemplate(string Code, ReplyPurpose Purpose, Language Language, string Text);

/// <summary>
/// Ready texts for the two replies the whistleblowing act requires, in every supported language whatever the
/// page's language, since the reporter may write in any: the acknowledgement of receipt (what happens next and when
/// feedback comes) and the feedback. The words are templates (<c>Templates/reply-*.{language}.txt</c>); the handler
/// edits them before sending.
/// </summary>
public sealed class CaseReplyTemplates(CaseCalendar calendar, IOptions<CaseOptions> options)
{
    private static readonly (ReplyPurpose Purpose, string Template)[] _purposes =
    [
        (ReplyPurpose.Acknowledgement, "reply-acknowledgement"),
        (ReplyPurpose.Feedback, "reply-feedback"),
    ];

    /// <summary>Every ready text's code, purpose and language, in the order the picker lists them.</summary>
    public static IReadOnlyList<(string Code, ReplyPurpose Purpose, Language Language)> All { get; } =
        [.. _purposes.SelectMany(p => Languages.Supported.Select(l => (Code(p.Purpose, l), p.Purpose, l)))];

    /// <summary>The code of a ready text: <c>acknowledgement-sv</c>, <c>feedback-fi</c>.</summary>
    public static string Code(ReplyPurpose purpose, Language language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return purpose.ToString().ToLowerInvariant() + "-" + language.Code;
    }

    public ReplyTemplate? For(string? code, CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var match = All.FirstOrDefault(t => string.Equals(t.Code, code, StringComparison.Ordinal));
        if (match.Code is null)
        {
            return null;
        }

        var acknowledged = record.AcknowledgedOn ?? calendar.Today;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["received"] = Day(record.ReceivedOn),
            ["number"] = record.CaseNumber,
            ["feedbackBy"] = Day(acknowledged.AddMonths(options.Value.FeedbackMonths)),
        };
        var template = _purposes.Single(p => p.Purpose == match.Purpose).Template;
        return new(match.Code, match.Purpose, match.Language, TextTemplates.Render(template, match.Language, values).TrimEnd());
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
