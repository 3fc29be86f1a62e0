using System.Net.Http.Headers;
using System.Text;
using Intake.Web.Mailbox;

namespace Intake.Tests.Infrastructure;

/// <summary>
/// What the mailbox page's script does over HTTP (docs/report-format.md, "The mailbox with JavaScript"): loads
/// the door for the antiforgery token and cookie, then posts to the mailbox API with the mailbox authenticator in
/// a header (the string parameters named <c>authenticator</c> are its 64 hex digits, or whatever a test forges).
/// </summary>
public sealed class MailboxApiClient(ReporterClient reporter)
{
    public string Antiforgery { get; private set; } = string.Empty;

    /// <summary>"/en" when the door was loaded in English: the API answers in the page's language.</summary>
    public string Prefix { get; private set; } = string.Empty;

    public async Task<MailboxApiClient> LoadDoorAsync(string path = "/mailbox")
    {
        using var door = await reporter.Http.GetAsync(new Uri(path, UriKind.Relative));
        var page = await Html.ParseAsync(door);
        Prefix = path.StartsWith("/en/", StringComparison.Ordinal) ? "/en" : string.Empty;
        Antiforgery = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return this;
    }

    public Task<HttpResponseMessage> ThreadAsync(string? authenticator, string prefix = "") => PostAsync(prefix + Prefix + "/mailbox/api/thread", authenticator);

    public Task<HttpResponseMessage> AttachmentAsync(string? authenticator, Guid id) => PostAsync($"{Prefix}/mailbox/api/attachments/{id}", authenticator);

    public Task<HttpResponseMessage> MeetingAsync(string? authenticator) => PostAsync(Prefix + "/mailbox/api/meeting", authenticator);

    /// <summary>
    /// Posts a sealed follow-up: the antiforgery token first, the number of files it declares (by default as many as
    /// are sent), the sealed message, the sealed files.
    /// </summary>
    public Task<HttpResponseMessage> MessageAsync(
        string? authenticator, byte[] sealedMessage, IReadOnlyList<byte[]> sealedAttachments, string? antiforgery = null, int? declaredCount = null)
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(antiforgery ?? Antiforgery), "__RequestVerificationToken" },
            { new StringContent((declaredCount ?? sealedAttachments.Count).ToString(System.Globalization.CultureInfo.InvariantCulture)), "attachmentCount" },
            { Binary(sealedMessage), "sealedMessage", "message.age" },
        };
        for (var i = 0; i < sealedAttachments.Count; i++)
        {
            content.Add(Binary(sealedAttachments[i]), "sealedAttachments", $"{i}.age");
        }

        return PostAsync(Prefix + "/mailbox/api/messages", authenticator, content);
    }

    public async Task<HttpResponseMessage> PostAsync(
        string path, string? authenticator, HttpContent? content = null, string? antiforgery = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = content ?? new StringContent("{}", Encoding.UTF8, "application/json"),
        };
        if (authenticator is not null)
        {
            request.Headers.Add(MailboxApi.AuthenticatorHeader, authenticator);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.Add(name, value);
        }

        request.Headers.Add("RequestVerificationToken", antiforgery ?? Antiforgery);
        return await reporter.Http.SendAsync(request);
    }

    private static ByteArrayContent Binary(byte[] bytes)
    {
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return part;
    }
}
