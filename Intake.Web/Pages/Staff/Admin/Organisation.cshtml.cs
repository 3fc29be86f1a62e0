using Intake.Web.Accounts;
using Intake.Web.Audit;
using Intake.Web.Localization;
using Intake.Web.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Staff.Admin;

/// <summary>The organisation's face: its name and contact text in every language, and the logo in the header.</summary>
[RequestSizeLimit(LogoRules.MaxBytes + (64 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = LogoRules.MaxBytes + (64 * 1024))]
public sealed class OrganisationModel(SiteTexts siteTexts, SiteTextEditor editor, OrganisationLogos logos, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public Dictionary<string, string?> Name { get; set; } = [];

    [BindProperty]
    public Dictionary<string, string?> Contact { get; set; } = [];

    public Guid? Logo { get; private set; }

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(string? done)
    {
        Message = done switch
        {
            "texts" or "logo" => text["Admin.Saved"].Value,
            "removed" => text["Admin.Organisation.LogoRemoved"].Value,
            _ => null,
        };
        await LoadAsync(withTexts: true);
    }

    public async Task<IActionResult> OnPostTextsAsync()
    {
        if (string.IsNullOrWhiteSpace(Name.GetValueOrDefault(Languages.Default.Code)))
        {
            Error = text["Admin.Organisation.Error.NameRequired", Languages.Default.NativeName];
            await LoadAsync(withTexts: false);
            return Page();
        }

        var fields = new Dictionary<string, IReadOnlyDictionary<string, string?>>(StringComparer.Ordinal)
        {
            [SiteTextFields.Name] = Name,
            [SiteTextFields.Contact] = Contact,
        };
        await editor.SaveAsync(SiteTextOwners.Organisation, fields, User.UserId(), null, AuditKinds.OrganisationTextsChanged, HttpContext.RequestAborted);
        return RedirectToPage(new { done = "texts" });
    }

    public async Task<IActionResult> OnPostLogoAsync(IFormFile? logo)
    {
        string? problem;
        if (logo is null || logo.Length == 0)
        {
            problem = "Admin.Logo.Error.Empty";
        }
        else if (logo.Length > LogoRules.MaxBytes)
        {
            problem = "Admin.Logo.Error.TooLarge";
        }
        else
        {
            using var buffer = new MemoryStream((int)logo.Length);
            await logo.CopyToAsync(buffer, HttpContext.RequestAborted);
            problem = await logos.ReplaceAsync(buffer.ToArray(), User.UserId(), HttpContext.RequestAborted);
        }

        if (problem is null)
        {
            return RedirectToPage(new { done = "logo" });
        }

        Error = text[problem];
        await LoadAsync(withTexts: true);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveLogoAsync()
    {
        await logos.RemoveAsync(User.UserId(), HttpContext.RequestAborted);
        return RedirectToPage(new { done = "removed" });
    }

    private async Task LoadAsync(bool withTexts)
    {
        Logo = await logos.VersionAsync(HttpContext.RequestAborted);
        if (!withTexts)
        {
            return;
        }

        foreach (var language in Languages.Supported)
        {
            Name[language.Code] = await siteTexts.StoredAsync(SiteTextOwners.Organisation, SiteTextFields.Name, language, HttpContext.RequestAborted);
            Contact[language.Code] = await siteTexts.StoredAsync(SiteTextOwners.Organisation, SiteTextFields.Contact, language, HttpContext.RequestAborted);
        }
    }
}
