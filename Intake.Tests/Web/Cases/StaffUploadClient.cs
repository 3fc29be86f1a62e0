using System.Net.Http.Headers;
using AngleSharp.Dom;
using Intake.Tests.Infrastructure;

namespace Intake.Tests.Web.Cases;

/// <summary>
/// Posts a handler's multipart form (reply, note, registration) as a browser without JavaScript does: the fields in
/// the order the page renders them, the antiforgery token first, then the typed fields and the chosen files.
/// </summary>
internal static class StaffUploadClient
{
    public static async Task<(HttpResponseMessage Response, IDocument Page)> PostAsync(
        StaffBrowserClient client, IDocument page, string formSelector, IEnumerable<(string Name, string Value)> fields,
        IEnumerable<(string Name, byte[] Content)> files)
    {
        var form = page.QuerySelector(formSelector) ?? throw new InvalidOperationException($"No form '{formSelector}'");
        Assert.Equal("multipart/form-data", form.GetAttribute("enctype"));
        using var content = new MultipartFormDataContent();
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden]").Where(i => i.GetAttribute("name") is not null))
        {
            content.Add(new StringContent(hidden.GetAttribute("value") ?? string.Empty), hidden.GetAttribute("name")!);
        }

        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        var input = form.QuerySelector("input[type=file]")!;
        Assert.True(input.HasAttribute("multiple"));
        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(file, input.GetAttribute("name")!, name);
        }

        var response = await client.Http.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), content);
        return (response, await Html.ParseAsync(response));
    }
}
