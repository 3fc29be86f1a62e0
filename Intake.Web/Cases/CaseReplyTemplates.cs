using System.Globalization;
using Intake.Web.Channels;
using Intake.Web.Localization;
using Intake.Web.Templates;
using Microsoft.Extensions.Options;

namespace Intake.Web.Cases;

/// <summary>A ready text the handler can start a reply from, and what the reply then counts as.</summary>
public sealed record ReplyTemplate(string Code, ReplyPurpose Purpose, Language Language, string Text);

/// <summary>One ready text of a channel kind in one language, as the picker lists it.</summary>
public sealed record ReplyTemplateChoice(string Code, string Name, ReplyPurpose Purpose, Language Language);

/// <summary>
/// The ready texts of a channel kind (<see cref="ChannelKind.ReadyTexts"/>), in every supported language whatever
/// the page's language, since the reporter may write in any. Whistleblowing has the act's acknowledgement and
/// feedback; threats and violence has the first contact, the elected official's and the follow-up. The words are
/// templates (<c>Templates/reply-*.{language}.txt</c>); the handler edits them before sending.
/// </summary>
public sealed class CaseReplyTemplates(CaseCalendar calendar, IOptions<CaseOptions> options)
{
    /// <summary>Every ready text of a kind: code, name, purpose and language, in the order the picker lists them.</summary>
    public static IReadOnlyList<ReplyTemplateChoice> For(ChannelKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return [.. kind.ReadyTexts.SelectMany(t => Languages.Supported.Select(l => new ReplyTemplateChoice(Code(t, l), t.Name, t.Purpose, l)))];
    }

    /// <summary>Every ready text of every kind.</summary>
    public static IReadOnlyList<ReplyTemplateChoice> All { get; } = [.. ChannelKinds.All.SelectMany(For)];

    /// <summary>The code of a ready text: <c>acknowledgement-sv</c>, <c>threat-elected-fi</c>.</summary>
    public static string Code(ReadyText text, Language language)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(language);
        return text.Name + "-" + language.Code;
    }

    /// <summary>The ready text of this code filled in for the case, or null when the kind has no such text.</summary>
    public ReplyTemplate? For(string? code, CaseRecord record, ChannelKind kind)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(kind);
        foreach (var text in kind.ReadyTexts)
        {
            foreach (var language in Languages.Supported)
            {
                if (string.Equals(Code(text, language), code, StringComparison.Ordinal))
                {
                    return new(code!, text.Purpose, language, TextTemplates.Render(text.Template, language, Values(record)).TrimEnd());
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The ready text the case's state calls for, in the report's language: for whistleblowing the acknowledgement
    /// until it is sent (unless the reporter declined it), then the feedback until it is given, then none; for
    /// threats the first contact (the elected official's when the reporter is one) until a handler has written,
    /// then the follow-up.
    /// </summary>
    public static string? Suggested(CaseRecord record, ChannelKind kind, bool handlerHasWritten, Language language)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(language);
        string? name;
        if (kind.Has(CaseSections.AcknowledgementAndFeedback))
        {
            name = record.AcknowledgedOn is null && !record.AcknowledgementDeclined ? "acknowledgement"
                : record.FeedbackGivenOn is null ? "feedback"
                : null;
        }
        else
        {
            name = handlerHasWritten ? "threat-follow-up"
                : string.Equals(record.ReporterRole, "elected", StringComparison.Ordinal) ? "threat-elected"
                : "threat-first-contact";
        }

        var text = kind.ReadyTexts.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));
        return text is null ? null : Code(text, language);
    }

    /// <summary>Every ready text of the kind filled in for the case, for the page's script to insert without a round trip.</summary>
    public IReadOnlyList<ReplyTemplate> AllFor(CaseRecord record, ChannelKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return [.. For(kind).Select(c => For(c.Code, record, kind)!)];
    }

    private Dictionary<string, string> Values(CaseRecord record)
    {
        var acknowledged = record.AcknowledgedOn ?? calendar.Today;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["received"] = Day(record.ReceivedOn),
            ["number"] = record.CaseNumber,
            ["feedbackBy"] = Day(acknowledged.AddMonths(options.Value.FeedbackMonths)),
            ["followUpOn"] = record.FollowUpOn is { } f ? Day(f) : "…",
        };
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
