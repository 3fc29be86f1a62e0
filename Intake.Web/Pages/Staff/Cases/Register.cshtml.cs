using System.Globalization;
using Intake.Web.Accounts;
using Intake.Web.Cases;
using Intake.Web.Keys;
using Intake.Web.Localization;
using Intake.Web.Reporting;
using Intake.Web.Reporting.Forms;
using Intake.Web.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Pages.Staff.Cases;

/// <summary>
/// A handler registers a report received by phone, by post or in a meeting: one of their channels, how it came
/// in, and the channel's own form. The new mailbox code travels to the next page once, in an encrypted cookie,
/// to be printed or written down for the reporter, who can then read and correct the minutes in the mailbox.
/// </summary>
public sealed class RegisterModel(
    IntakeDbContext db, CaseAccess access, CaseRegistration registration, ReceiptTicket receipts, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Channel> Channels { get; private set; } = [];

    /// <summary>The channel whose form is shown, once chosen.</summary>
    public Channel? Channel { get; private set; }

    [BindProperty(SupportsGet = true, Name = "channel")]
    public string? ChannelCode { get; set; }

    [BindProperty]
    public CaseOrigin? Origin { get; set; }

    public FormAnswers Answers { get; private set; } = new();

    public IReadOnlyList<FieldProblem> Problems { get; private set; } = [];

    /// <summary>The receipt of the case just registered, shown once.</summary>
    public Receipt? Registered { get; private set; }

    public Guid? RegisteredCaseId { get; private set; }

    /// <summary>True on the page after a registration, whether or not the code could still be shown.</summary>
    public bool ReceiptAsked { get; private set; }

    public bool English => Languages.IsEnglish(CultureInfo.CurrentUICulture);

    public ReportForm? Form => Channel is null ? null : ReportForms.For(Channel.Code);

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadChannelsAsync();
        Answers.Add(CommonFields.IdentityMode, CommonFields.Anonymous);
        Answers.Add(CommonFields.AllowAcknowledgement, "true");
        return Page();
    }

    public async Task<IActionResult> OnGetDoneAsync()
    {
        await LoadChannelsAsync();
        ReceiptAsked = true;
        Registered = receipts.Take(HttpContext);
        if (Registered is not null)
        {
            var mine = Channels.Select(c => c.Id).ToList();
            RegisteredCaseId = await db.Cases.AsNoTracking()
                .Where(c => c.CaseNumber == Registered.CaseNumber && mine.Contains(c.ChannelId))
                .Select(c => (Guid?)c.Id).SingleOrDefaultAsync(HttpContext.RequestAborted);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadChannelsAsync();
        if (Channel is null)
        {
            return NotFound();
        }

        foreach (var field in Form!.Fields)
        {
            foreach (var value in Request.Form[field.Name])
            {
                Answers.Add(field.Name, value ?? string.Empty);
            }
        }

        var actor = HttpContext.Keyring()!.UserId;
        var outcome = await registration.RegisterAsync(
            Channel.Id, actor, Origin ?? CaseOrigin.Online, Answers, English ? "en" : "sv", HttpContext.RequestAborted);
        if (!outcome.Succeeded)
        {
            Problems = outcome.Problems;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        receipts.Issue(HttpContext, new Receipt(outcome.Token!, outcome.Record!.CaseNumber, outcome.Record.ReceivedOn, Channel.Code, SealingMode.Server, clock.GetUtcNow()));
        return RedirectToPage("Register", "Done");
    }

    public IReadOnlyList<string> ErrorsFor(string field) =>
        Problems.Where(p => p.Field == field).Select(p => p.MessageKey).ToList();

    private async Task LoadChannelsAsync()
    {
        var mine = await access.ChannelsOfAsync(HttpContext, HttpContext.RequestAborted);
        Channels = await db.Channels.AsNoTracking().Where(c => mine.Contains(c.Id)).OrderBy(c => c.Code).ToListAsync(HttpContext.RequestAborted);
        Channel = Channels.Count == 1 && string.IsNullOrEmpty(ChannelCode)
            ? Channels[0]
            : Channels.FirstOrDefault(c => string.Equals(c.Code, ChannelCode, StringComparison.Ordinal));
    }
}
