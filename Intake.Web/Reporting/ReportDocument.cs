using System.Text.Json;
using System.Text.Json.Serialization;
using Intake.Web.Reporting.Forms;

namespace Intake.Web.Reporting;

/// <summary>
/// The sealed plaintext of a report (format <c>intake.report/v1</c>) and of a message (<c>intake.message/v1</c>):
/// UTF-8 JSON. Browsers build the same documents (docs/report-format.md).
/// </summary>
public static class ReportDocument
{
    public const string ReportFormat = "intake.report/v1";
    public const string MessageFormat = "intake.message/v1";

    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static byte[] Report(string channel, string language, FormAnswers answers, IReadOnlyList<AttachmentInfo> attachments)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var document = new ReportJson(ReportFormat, channel, language,
            answers.Values.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal), [.. attachments]);
        return JsonSerializer.SerializeToUtf8Bytes(document, _json);
    }

    public static byte[] Message(string text, IReadOnlyList<AttachmentInfo> attachments) =>
        JsonSerializer.SerializeToUtf8Bytes(new MessageJson(MessageFormat, text, [.. attachments]), _json);

    /// <summary>The report in a sealed document, or null when it does not meet <see cref="SealedDocumentSchema"/>.</summary>
    public static ReportJson? ParseReport(ReadOnlySpan<byte> json) => SealedDocumentSchema.ParseReport(json);

    /// <summary>The message in a sealed document, or null when it does not meet <see cref="SealedDocumentSchema"/>.</summary>
    public static MessageJson? ParseMessage(ReadOnlySpan<byte> json) => SealedDocumentSchema.ParseMessage(json);
}

public sealed record AttachmentInfo(string Name, string Type, long Size);

public sealed record ReportJson(string Format, string Channel, string Language, Dictionary<string, string[]> Answers, AttachmentInfo[] Attachments);

public sealed record MessageJson(string Format, string Text, AttachmentInfo[] Attachments);
