using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Intake.Web.Pages;

/// <summary>
/// Error and status code pages. They say what happened in plain words and never echo the request back: the
/// path may carry something the visitor did not mean to show.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string TitleKey { get; private set; } = "Error.Generic.Title";

    public string MessageKey { get; private set; } = "Error.Generic.Message";

    public void OnGet() => Describe(Code());

    public void OnPost() => Describe(Code());

    /// <summary>
    /// From the route only, never bound: binding would read the form, and after a streamed upload (whose body is
    /// already consumed) that fails and the page would answer 500 instead of the status it re-executes for.
    /// </summary>
    private int? Code() =>
        int.TryParse(RouteData.Values["code"]?.ToString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : null;

    private void Describe(int? code)
    {
        var status = code ?? StatusCodes.Status500InternalServerError;
        (TitleKey, MessageKey) = status switch
        {
            StatusCodes.Status404NotFound => ("Error.NotFound.Title", "Error.NotFound.Message"),
            StatusCodes.Status400BadRequest => ("Error.BadRequest.Title", "Error.BadRequest.Message"),
            StatusCodes.Status403Forbidden => ("Error.Forbidden.Title", "Error.Forbidden.Message"),
            StatusCodes.Status413PayloadTooLarge => ("Error.TooLarge.Title", "Error.TooLarge.Message"),
            StatusCodes.Status429TooManyRequests => ("Error.TooMany.Title", "Error.TooMany.Message"),
            _ => ("Error.Generic.Title", "Error.Generic.Message"),
        };
        // A status code page keeps its status; a redirect here (access denied) answers with the code it names.
        Response.StatusCode = status is >= 400 and < 600 ? status : StatusCodes.Status500InternalServerError;
    }
}
