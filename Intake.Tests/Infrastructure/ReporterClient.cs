using System.Net.Http.Headers;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Intake.Tests.Infrastructure;

/// <summary>
/// A reporter's browser without JavaScript: loads a form, posts it as multipart with the antiforgery token first
/// (as the page renders it), follows the redirect to the receipt.
/// </summary>
public sealed class ReporterClient : IDisposable
{
    public ReporterClient(IntakeApplicationFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        Http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });
    }

    /// <summary>
    /// A fresh browser at a server's real <paramref name="address"/> (an <see cref="IntakeProcess"/> or a balancer
    /// in front of several), opening a new connection for every request so that a balancer spreads them.
    /// </summary>
    public ReporterClient(Uri address)
    {
        Http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true, UseCookies = true }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        Http.DefaultRequestHeaders.ConnectionClose = true;
    }

    public HttpClient Http { get; }

    public static Dictionary<string, string[]> MinimalWhistleblowing(string text) => new()
    {
        ["category"] = ["bribery"],
        ["whatHappened"] = [text],
        ["identityMode"] = ["anonymous"],
        ["allowAcknowledgement"] = ["true"],
    };

    public static Dictionary<string, string[]> MinimalThreat(string text) => new()
    {
        ["role"] = ["elected"],
        ["types"] = ["death-threat", "doxing"],
        ["place"] = ["online"],
        ["contactChannels"] = ["social-media"],
        ["whatHappened"] = [text],
        ["policeReport"] = ["yes"],
        ["identityMode"] = ["named"],
        ["name"] = ["Kim Exempel"],
        ["contact"] = ["kim@example.org"],
        ["allowAcknowledgement"] = ["true"],
    };

    /// <summary>
    /// Posts a report; returns the final response (the receipt, or the form again) and its parsed page. The form's
    /// stamp goes with it as the page renders it, unless <paramref name="withFormStamp"/> is false (then the fields
    /// may carry one of their own); <paramref name="expired"/> sends a stale antiforgery token.
    /// </summary>
    public async Task<(HttpResponseMessage Response, IDocument Page)> SubmitAsync(
        string path, Dictionary<string, string[]> fields, IEnumerable<(string Name, byte[] Content)>? files = null, bool withFormStamp = true, bool expired = false)
    {
        using var form = await Http.GetAsync(new Uri(path, UriKind.Relative));
        form.EnsureSuccessStatusCode();
        var page = await Html.ParseAsync(form);
        // An expired form: a token the server no longer accepts (a browser restored from yesterday, say).
        var token = expired ? "expired" : page.QuerySelector("form.report-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(token), "__RequestVerificationToken");
        if (withFormStamp)
        {
            content.Add(new StringContent(page.QuerySelector("form.report-form input[name=formStamp]")!.GetAttribute("value")!), "formStamp");
        }

        foreach (var (name, values) in fields)
        {
            foreach (var value in values)
            {
                content.Add(new StringContent(value), name);
            }
        }

        foreach (var (name, bytes) in files ?? [])
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(file, "attachments", name);
        }

        var response = await Http.PostAsync(new Uri(path, UriKind.Relative), content);
        return (response, await Html.ParseAsync(response));
    }

    /// <summary>Types the token into the mailbox door; the response is the open mailbox or the door with an error.</summary>
    public async Task<(HttpResponseMessage Response, IDocument Page)> OpenMailboxAsync(string token)
    {
        using var door = await Http.GetAsync(new Uri("/mailbox", UriKind.Relative));
        var page = await Html.ParseAsync(door);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Token"] = token,
            ["__RequestVerificationToken"] = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        });
        var response = await Http.PostAsync(new Uri("/mailbox", UriKind.Relative), content);
        return (response, await Html.ParseAsync(response));
    }

    /// <summary>Opens the mailbox with the token and sends a follow-up message from it (multipart, no files).</summary>
    public async Task<HttpResponseMessage> SendFollowUpAsync(string token, string text)
    {
        var (_, mailbox) = await OpenMailboxAsync(token);
        var form = mailbox.QuerySelector("form[enctype='multipart/form-data']")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent(text), "message" },
        };
        return await Http.PostAsync(new Uri("/mailbox/open?handler=Message", UriKind.Relative), content);
    }

    /// <summary>Opens the mailbox with the token and asks for a meeting.</summary>
    public async Task<HttpResponseMessage> RequestMeetingAsync(string token)
    {
        var (_, mailbox) = await OpenMailboxAsync(token);
        var meeting = mailbox.QuerySelector("form[action*='handler=Meeting']")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = meeting.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        });
        return await Http.PostAsync(new Uri(meeting.GetAttribute("action")!, UriKind.Relative), content);
    }

    /// <summary>Loads the receipt page again (a reload, or a phone that reloaded the tab).</summary>
    public async Task<IDocument> ReloadReceiptAsync(string prefix = "")
    {
        using var response = await Http.GetAsync(new Uri(prefix + "/report/receipt", UriKind.Relative));
        return await Html.ParseAsync(response);
    }

    /// <summary>The receipt's "download as a text file" link.</summary>
    public async Task<(HttpResponseMessage Response, string Text)> DownloadReceiptAsync(string prefix = "")
    {
        var receipt = await ReloadReceiptAsync(prefix);
        var href = receipt.QuerySelector("#receipt-download")!.GetAttribute("href")!;
        var response = await Http.GetAsync(new Uri(href, UriKind.Relative));
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Sends the receipt's closing form, with "I have saved the code" ticked or not.</summary>
    public async Task<(HttpResponseMessage Response, IDocument Page)> CloseReceiptAsync(bool saved, string prefix = "")
    {
        var receipt = await ReloadReceiptAsync(prefix);
        var form = receipt.QuerySelector("#receipt-confirm")!;
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        };
        if (saved)
        {
            fields["saved"] = "true";
        }

        using var content = new FormUrlEncodedContent(fields);
        var response = await Http.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), content);
        return (response, await Html.ParseAsync(response));
    }

    public static string TokenOn(IDocument receipt) => receipt.QuerySelector("#mailbox-token")!.TextContent.Trim();

    public void Dispose() => Http.Dispose();
}
