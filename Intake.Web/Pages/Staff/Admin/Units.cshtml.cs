using Intake.Web.Accounts;
using Intake.Web.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Staff.Admin;

/// <summary>The organisational units (förvaltningar, nämnder, kommunala bolag) with a name per language: add, rename, retire.</summary>
public sealed class UnitsModel(OrganisationUnits units, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    public OrganisationUnits Store => units;

    public string? Message { get; private set; }

    public async Task OnGetAsync() => Units = await units.AllAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAddAsync(Dictionary<string, string?> name)
    {
        var added = await units.AddAsync(name ?? [], User.UserId(), HttpContext.RequestAborted);
        return await ShowAsync(added ? "Admin.Units.Added" : "Admin.Units.NameRequired");
    }

    public async Task<IActionResult> OnPostUpdateAsync(string code, Dictionary<string, string?> name, bool retired)
    {
        var changed = await units.UpdateAsync(code ?? string.Empty, name ?? [], retired, User.UserId(), HttpContext.RequestAborted);
        return await ShowAsync(changed ? "Admin.Saved" : "Admin.Units.NameRequired");
    }

    private async Task<IActionResult> ShowAsync(string messageKey)
    {
        Message = text[messageKey];
        Units = await units.AllAsync(HttpContext.RequestAborted);
        return Page();
    }
}
