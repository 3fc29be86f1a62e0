using Intake.Web.Organisation;
using Intake.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Setup;

/// <summary>Step 1 of set-up: the one-time code from the console and the organisation's plan.</summary>
public sealed class IndexModel(SetupService setup, SetupCode code, PendingSetup pending, IStringLocalizer<SharedResource> text) : PageModel
{
    internal const string PendingCookie = "intake.setup";

    [BindProperty]
    public SetupInput Input { get; set; } = new();

    public bool AlreadySetUp { get; private set; }

    public async Task OnGetAsync() => AlreadySetUp = await setup.IsSetUpAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        if (await setup.IsSetUpAsync(HttpContext.RequestAborted))
        {
            AlreadySetUp = true;
            return Page();
        }

        if (!code.Verify(Input.SetupCode))
        {
            ModelState.AddModelError("Input.SetupCode", text["Setup.Error.Code"]);
        }

        var plan = Input.ToPlan();
        foreach (var problem in SetupService.Validate(plan))
        {
            ModelState.AddModelError(SetupInput.FieldOf(problem.Field), text[problem.MessageKey]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var id = pending.Begin(plan);
        StrictCookie.Append(HttpContext, PendingCookie, id, TimeSpan.FromMinutes(30));
        return RedirectToPage("Recovery");
    }
}
