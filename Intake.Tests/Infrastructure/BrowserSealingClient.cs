using System.Text;
using AngleSharp.Dom;
using Intake.Crypto.Age;
using Intake.Crypto.Mailbox;

namespace Intake.Tests.Infrastructure;

/// <summary>
/// What the report form's script posts when it seals in the browser (docs/report-format.md), built with
/// Intake.Crypto as the script builds it with age-encryption: the sealed report document, the sealed files, the
/// mailbox lookup id and recipient, the declared number of files and the triage codes in clear. Anything a hostile
/// browser could send can be sent: any document, any lookup id, any declared count.
/// </summary>
public sealed class BrowserSealingClient(ReporterClient reporter)
{
    /// <summary>A whistleblowing report document as the script writes it, with one answer and the files listed.</summary>
    public static string ReportDocument(string text, params (string Name, long Size)[] files) =>
        "{\"format\":\"intake.report/v1\",\"channel\":\"whistleblowing\",\"language\":\"sv\",\"answers\":{\"whatHappened\":[" +
        System.Text.Json.JsonSerializer.Serialize(text) + "]},\"attachments\":[" +
        string.Join(',', files.Select(f => "{\"name\":" + System.Text.Json.JsonSerializer.Serialize(f.Name) + ",\"type\":\"application/octet-stream\",\"size\":" + f.Size + "}")) + "]}";

    /// <summary>
    /// Seals <paramref name="document"/> and <paramref name="files"/> to the channel and a new mailbox (or the one of
    /// <paramref name="token"/>) and posts them; <paramref name="declaredCount"/> defaults to the number of files;
    /// <paramref name="expired"/> sends a stale antiforgery token.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitSealedReportAsync(
        string document, IReadOnlyList<byte[]>? files = null, MailboxToken? token = null, int? declaredCount = null, string path = "/report/whistleblowing",
        (string Challenge, string Nonce)? proof = null, bool expired = false)
    {
        files ??= [];
        using var form = await reporter.Http.GetAsync(new Uri(path, UriKind.Relative));
        var page = await Html.ParseAsync(form);
        using var own = token is null ? MailboxToken.Generate() : null;
        using var keys = (token ?? own!).DeriveKeys();
        IReadOnlyCollection<IRecipient> recipients = [AgeKeys.ParseRecipient(RecipientOn(page)), keys.Recipient];
        using var content = new MultipartFormDataContent
        {
            { new StringContent(expired ? "expired" : TokenOn(page)), "__RequestVerificationToken" },
            { new StringContent("browser"), "sealingMode" },
            { new StringContent(proof?.Challenge ?? page.QuerySelector("form.report-form input[name=formStamp]")!.GetAttribute("value")!), "formStamp" },
            { new StringContent(Convert.ToHexStringLower(keys.Verifier)), "mailboxVerifier" },
            { new StringContent(keys.Recipient.ToString()), "mailboxRecipient" },
            { new StringContent((declaredCount ?? files.Count).ToString(System.Globalization.CultureInfo.InvariantCulture)), "attachmentCount" },
            { new StringContent("fraud"), "category" },
            { new StringContent("true"), "allowAcknowledgement" },
        };
        if (proof is { } solved)
        {
            content.Add(new StringContent(solved.Nonce), "proofNonce");
        }

        content.Add(new ByteArrayContent(AgeFile.Encrypt(Encoding.UTF8.GetBytes(document), recipients)), "sealedReport", "report.age");
        for (var i = 0; i < files.Count; i++)
        {
            content.Add(new ByteArrayContent(AgeFile.Encrypt(files[i], recipients)), "sealedAttachments", $"{i}.age");
        }

        return await reporter.Http.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    private static string TokenOn(IDocument page) => page.QuerySelector("form.report-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    private static string RecipientOn(IDocument page) => page.QuerySelector("form.report-form")!.GetAttribute("data-recipient")!;
}
