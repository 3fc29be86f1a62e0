using AngleSharp;
using AngleSharp.Dom;

namespace Intake.Tests.Infrastructure;

/// <summary>Parses responses with a real HTML parser (never with regular expressions).</summary>
public static class Html
{
    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(request => request.Content(html).Address(response.RequestMessage?.RequestUri ?? new Uri("http://localhost/")));
    }
}
