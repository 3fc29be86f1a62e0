using Intake.Web.Accounts;
using Intake.Web.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Staff.Admin;

/// <summary>The outbox for the administrator: what waits, what fails and why (the class only), and a test mail.</summary>
public sealed class NotificationsModel(OutboxOverview overview, TestMail testMail, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public string? TestAddress { get; set; }

    public OutboxSummary Outbox { get; private set; } = null!;

    public string? Message { get; private set; }

    public async Task OnGetAsync(string? done)
    {
        Outbox = await overview.GetAsync(HttpContext.RequestAborted);
        Message = done == "test" ? text["Notifications.Admin.TestSent"].Value : null;
    }

    public async Task<IActionResult> OnPostTestAsync()
    {
        var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var (problem, error) = await testMail.SendAsync(User.UserId()!.Value, TestAddress, language, HttpContext.RequestAborted);
        if (problem is null)
        {
            return RedirectToPage(new { done = "test" });
        }

        ModelState.AddModelError(nameof(TestAddress), error is null ? text[problem] : string.Format(System.Globalization.CultureInfo.CurrentCulture, text[problem], error));
        Outbox = await overview.GetAsync(HttpContext.RequestAborted);
        return Page();
    }
}
