using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Intake.Web.Hosting;

/// <summary>
/// For pages whose forms bind properties: a POST must be a small url-encoded form. Anything else (a multipart body
/// above all, which the antiforgery filter and model binding would buffer to a temporary file) is refused before
/// either reads it: 415 for another kind of body, 413 for one too large. Runs before the antiforgery filter.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SmallFormsOnlyAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    /// <summary>Room for every small form of the staff pages, with their longest text.</summary>
    public const long MaxBytes = 512 * 1024;

    public int Order => int.MinValue + 100;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.HttpContext.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || ((request.ContentLength ?? 0) == 0 && request.ContentType is null))
        {
            return;
        }

        if (request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) != true)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status415UnsupportedMediaType);
            return;
        }

        if (request.ContentLength > MaxBytes)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
            return;
        }

        if (context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxBytes;
        }
    }
}
