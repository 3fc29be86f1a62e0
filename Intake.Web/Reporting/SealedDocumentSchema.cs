using System.Text.Json;

namespace Intake.Web.Reporting;

/// <summary>
/// The strict schema of the sealed documents (docs/report-format.md), checked whenever one is opened: a browser
/// builds these, so anyone holding a mailbox can seal any bytes at all. A document is taken only when it is a
/// JSON object with exactly the members of its format, each of the right type, within the sizes below, with no
/// member twice; anything else is refused as a whole and the entry shows as one that could not be read.
/// </summary>
public static class SealedDocumentSchema
{
    /// <summary>Root, answers, one answer's list, a value: nothing deeper is ever written.</summary>
    public const int MaxDepth = 4;

    public const int MaxAnswerFields = 200;

    public const int MaxValuesPerAnswer = 200;

    public const int MaxAttachments = 1000;

    public const int MaxStringChars = 100_000;

    private static readonly JsonDocumentOptions _options = new() { MaxDepth = MaxDepth, AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    public static ReportJson? ParseReport(ReadOnlySpan<byte> utf8)
    {
        using var document = Parse(utf8);
        if (document is null || !Members(document.RootElement, "format", "channel", "language", "answers", "attachments"))
        {
            return null;
        }

        var root = document.RootElement;
        var format = Text(root.GetProperty("format"));
        var channel = Text(root.GetProperty("channel"));
        var language = Text(root.GetProperty("language"));
        var answers = Answers(root.GetProperty("answers"));
        var attachments = Attachments(root.GetProperty("attachments"));
        return format == ReportDocument.ReportFormat && channel is not null && language is not null && answers is not null && attachments is not null
            ? new ReportJson(format, channel, language, answers, attachments)
            : null;
    }

    public static MessageJson? ParseMessage(ReadOnlySpan<byte> utf8)
    {
        using var document = Parse(utf8);
        if (document is null || !Members(document.RootElement, "format", "text", "attachments"))
        {
            return null;
        }

        var root = document.RootElement;
        var format = Text(root.GetProperty("format"));
        var text = Text(root.GetProperty("text"));
        var attachments = Attachments(root.GetProperty("attachments"));
        return format == ReportDocument.MessageFormat && text is not null && attachments is not null ? new MessageJson(format, text, attachments) : null;
    }

    private static JsonDocument? Parse(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return JsonDocument.Parse(utf8.ToArray(), _options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>An object with exactly these members, each once.</summary>
    private static bool Members(JsonElement element, params string[] names)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!names.Contains(property.Name, StringComparer.Ordinal) || !seen.Add(property.Name))
            {
                return false;
            }
        }

        return seen.Count == names.Length;
    }

    private static string? Text(JsonElement element) =>
        element.ValueKind == JsonValueKind.String && element.GetString() is { Length: <= MaxStringChars } value ? value : null;

    private static Dictionary<string, string[]>? Answers(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var answers = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (answers.Count >= MaxAnswerFields || property.Name.Length is 0 or > 100 || answers.ContainsKey(property.Name)
                || property.Value.ValueKind != JsonValueKind.Array || property.Value.GetArrayLength() > MaxValuesPerAnswer)
            {
                return null;
            }

            var values = new List<string>();
            foreach (var item in property.Value.EnumerateArray())
            {
                if (Text(item) is not { } value)
                {
                    return null;
                }

                values.Add(value);
            }

            answers.Add(property.Name, [.. values]);
        }

        return answers;
    }

    private static AttachmentInfo[]? Attachments(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() > MaxAttachments)
        {
            return null;
        }

        var list = new List<AttachmentInfo>();
        foreach (var item in element.EnumerateArray())
        {
            if (!Members(item, "name", "type", "size"))
            {
                return null;
            }

            var name = Text(item.GetProperty("name"));
            var type = Text(item.GetProperty("type"));
            var size = item.GetProperty("size");
            if (name is null || type is null || size.ValueKind != JsonValueKind.Number || !size.TryGetInt64(out var bytes) || bytes < 0)
            {
                return null;
            }

            list.Add(new AttachmentInfo(name, type, bytes));
        }

        return [.. list];
    }
}
