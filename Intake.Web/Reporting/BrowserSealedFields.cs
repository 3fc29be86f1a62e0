using System.Globalization;
using Intake.Crypto.Age;
using Intake.Web.Reporting.Forms;
using Intake.Web.Reporting.Uploads;

namespace Intake.Web.Reporting;

/// <summary>
/// Reads what a browser-sealed submission may carry in clear: the mailbox verifier (64 hex digits: SHA-256 of the
/// authenticator, docs/mailbox-token.md) and recipient (of the channel key's kind),
/// the coarse codes of the triage fields and the two flags, and exactly one sealed report file. Anything else a
/// browser sends in clear is ignored.
/// </summary>
public sealed class BrowserSealedFields
{
    public const string VerifierField = "mailboxVerifier";
    public const string RecipientField = "mailboxRecipient";

    /// <summary>
    /// How many files the sealed document describes, sent in clear: the server cannot read the document, so this
    /// bounds what it takes. A submission with more (or fewer) sealed files than it declares is refused whole, so
    /// no file can ride along undescribed.
    /// </summary>
    public const string AttachmentCountField = "attachmentCount";
    private const int MaxSealedReportBytes = 2 * 1024 * 1024;

    /// <param name="postQuantum">Whether the channel's current key is hybrid post-quantum: the mailbox recipient must be of the same kind.</param>
    public BrowserSubmission Parse(ReportForm form, UploadResult upload, bool postQuantum)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(upload);
        var problems = new List<FieldProblem>();
        var triage = new FormAnswers();
        foreach (var field in form.Fields.Where(f => f.Triage != TriageColumn.None || f.Name is CommonFields.AllowAcknowledgement or CommonFields.WantsMeeting))
        {
            var values = upload.Fields.GetAll(field.Name).Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
            var valid = field.Kind == FieldKind.Checkbox ? values.All(v => v == "true") : values.All(v => field.Choices.Any(o => o.Code == v));
            if (!valid || (field.Required && values.Count == 0))
            {
                problems.Add(new(field.Name, values.Count == 0 ? FormValidator.MissingKey(field) : "Report.Error.Option"));
                continue;
            }

            values.ForEach(v => triage.Add(field.Name, v));
        }

        var verifierHex = upload.Fields.Get(VerifierField).Trim();
        byte[]? verifier = verifierHex.Length == 64 && verifierHex.All(char.IsAsciiHexDigitLower) ? Convert.FromHexString(verifierHex) : null;
        var recipientText = upload.Fields.Get(RecipientField).Trim();
        string? recipient = AgeKeys.TryParseRecipient(recipientText, out var parsed) && AgeKeys.IsPostQuantumRecipient(recipientText) == postQuantum
            ? AgeKeys.Encode(parsed)
            : null;
        if (verifier is null || recipient is null)
        {
            problems.Add(new(string.Empty, "Report.Error.Sealed"));
        }

        var reports = upload.Files.Where(f => f.Field == ReportIntake.SealedReportField).ToList();
        byte[]? sealedReport = null;
        if (reports.Count != 1 || reports[0].Info.Size > MaxSealedReportBytes)
        {
            problems.Add(new(string.Empty, "Report.Error.Sealed"));
        }
        else
        {
            sealedReport = File.ReadAllBytes(reports[0].TempPath);
        }

        var attachments = upload.Files.Where(f => f.Field == ReportIntake.SealedAttachmentsField).ToList();
        if (upload.Refused.Count == 0 && DeclaredCount(upload.Fields) != attachments.Count)
        {
            problems.Add(new(string.Empty, "Report.Error.Sealed"));
        }

        return new BrowserSubmission(triage, verifier, recipient, sealedReport, attachments, problems);
    }

    /// <summary>The declared number of sealed files, or -1 when it is missing or not a small number.</summary>
    public static int DeclaredCount(FormAnswers fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var values = fields.GetAll(AttachmentCountField);
        return values.Count == 1 && values[0].Length is > 0 and <= 4 && values[0].All(char.IsAsciiDigit)
            ? int.Parse(values[0], CultureInfo.InvariantCulture)
            : -1;
    }
}

public sealed record BrowserSubmission(
    FormAnswers Triage, byte[]? Verifier, string? Recipient, byte[]? SealedReport, IReadOnlyList<StagedFile> Attachments, IReadOnlyList<FieldProblem> Problems);
