using System.Net.Http.Headers;
using System.Text;
using Intake.Web.Mailbox;

namespace Intake.Tests.Infrastructure;

/// <summary>
/// What the mailbox page's script does over HTTP (docs/report-format.md, "The mailbox with JavaScript"): loads
/// the door for the antiforgery token and cookie, then posts to the mailbox API with the lookup id in a header.
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

    public Task<HttpResponseMessage> ThreadAsync(string? lookupId, string prefix = "") => PostAsync(prefix + Prefix + "/mailbox/api/thread", lookupId);

    public Task<HttpResponseMessage> AttachmentAsync(string? lookupId, Guid id) => PostAsync($"{Prefix}/mailbox/api/attachments/{id}", lookupId);

    public Task<HttpResponseMessage> MeetingAsync(string? lookupId) => PostAsync(Prefix + "/mailbox/api/meeting", lookupId);

    /// <summary>
    /// Posts a sealed follow-up: the antiforgery token first, the number of files it declares (by default as many as
    /// are sent), the sealed message, the sealed files.
    /// </summary>
    public Task<HttpResponseMessage> MessageAsync(
        string? lookupId, byte[] sealedMessage, IReadOnlyList<byte[]> sealedAttachments, string? antiforgery = null, int? declaredCount = null)
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

        return PostAsync(Prefix + "/mailbox/api/messages", lookupId, content);
    }

    public async Task<HttpResponseMessage> PostAsync(string path, string? lookupId, HttpContent? content = null, string? antiforgery = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = content ?? new StringContent("{}", Encoding.UTF8, "application/json"),
        };
        if (lookupId is not null)
        {
            request.Headers.Add(MailboxApi.LookupHeader, lookupId);
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
