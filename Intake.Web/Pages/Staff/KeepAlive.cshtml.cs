using Intake.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Intake.Web.Pages.Staff;

/// <summary>
/// The idle warning's "continue": a request that keeps the session (its cookie slides, its keys' idle timer is
/// refreshed). 204 while the session lives; a signed-out browser is sent to sign in like on any staff page.
/// </summary>
public sealed class KeepAliveModel : PageModel
{
    public IActionResult OnGet()
    {
        Response.Headers.CacheControl = "no-store";
        return HttpContext.Keyring() is null ? Unauthorized() : new NoContentResult();
    }
}
