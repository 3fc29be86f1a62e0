using System.Globalization;
using Intake.Web.Accounts;
using Intake.Web.Cases;
using Intake.Web.Keys;
using Intake.Web.Localization;
using Intake.Web.Reporting;
using Intake.Web.Reporting.Forms;
using Intake.Web.Reporting.Uploads;
using Intake.Web.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Pages.Staff.Cases;

/// <summary>
/// A handler registers a report received by phone, by post or in a meeting: one of their channels, how it came
/// in, the channel's own form and any files (a scanned letter). The new mailbox code travels to the next page once,
/// in an encrypted cookie, to be printed or written down for the reporter, who can then read and correct the
/// minutes and open the files in the mailbox. The form is multipart and streams through <see cref="CaseUploads"/>:
/// the page binds nothing and opts out of the antiforgery filter (either would read and buffer the body); the token
/// is the form's first field and is checked before any file is read, and the channel (the next field) must be one
/// of the handler's before a file is sealed, to that channel and the new mailbox.
/// </summary>
[IgnoreAntiforgeryToken]
[DisableRequestSizeLimit]
public sealed class RegisterModel(
    IntakeDbContext db, CaseAccess access, CaseRegistration registration, CaseUploads uploads, ReceiptTicket receipts, TimeProvider clock,
    IStringLocalizer<SharedResource> text) : PageModel
{
    public const string ChannelField = "channel";
    public const string OriginField = "Origin";

    public IReadOnlyList<Channel> Channels { get; private set; } = [];

    /// <summary>The channel whose form is shown, once chosen.</summary>
    public Channel? Channel { get; private set; }

    /// <summary>The channel asked for: from the query on a GET, from the form on a POST (never bound).</summary>
    public string? ChannelCode { get; private set; }

    public CaseOrigin? Origin { get; private set; }

    public FormAnswers Answers { get; private set; } = new();

    public IReadOnlyList<FieldProblem> Problems { get; private set; } = [];

    /// <summary>Localized messages about the files of a refused registration.</summary>
    public IReadOnlyList<string> FileErrors { get; private set; } = [];

    public IReadOnlyList<string> ChooseAgain { get; private set; } = [];

    /// <summary>The receipt of the case just registered, shown once.</summary>
    public Receipt? Registered { get; private set; }

    public Guid? RegisteredCaseId { get; private set; }

    /// <summary>True on the page after a registration, whether or not the code could still be shown.</summary>
    public bool ReceiptAsked { get; private set; }


    public ReportForm? Form => Channel is null ? null : ReportForms.For(Channel.Code);

    public async Task<IActionResult> OnGetAsync()
    {
        ChannelCode = Request.Query[ChannelField];
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
        if (Channels.Count == 0)
        {
            return NotFound();
        }

        var candidates = await registration.KeysForAsync(Channels, HttpContext.RequestAborted);
        try
        {
            using var upload = await uploads.ReadAsync(HttpContext, fields => Chosen(candidates, fields)?.Recipients, caseId: null, HttpContext.RequestAborted);
            var keys = Chosen(candidates, upload.Fields);
            if (keys is null)
            {
                return NotFound();
            }

            Channel = keys.Channel;
            ChannelCode = Channel.Code;
            foreach (var field in Form!.Fields)
            {
                foreach (var value in upload.Fields.GetAll(field.Name))
                {
                    Answers.Add(field.Name, value);
                }
            }

            Origin = Enum.TryParse<CaseOrigin>(upload.Fields.Get(OriginField), ignoreCase: false, out var origin) && Enum.IsDefined(origin) ? origin : null;
            FileErrors = UploadProblems.Describe(upload, uploads.Limits, text);
            if (upload.TextTooLarge || FileErrors.Count > 0)
            {
                // The answers are still checked, so that everything to correct is said at once.
                var problems = registration.Validate(Channel, Origin, Answers).ToList();
                if (upload.TextTooLarge)
                {
                    problems.Insert(0, new FieldProblem(string.Empty, "Report.Error.TextTooLarge"));
                }

                return Refused(problems, upload);
            }

            var outcome = await registration.RegisterAsync(
                keys, HttpContext.Keyring()!.UserId, Origin ?? CaseOrigin.Online, Answers, Languages.Current.Code, upload.Files, HttpContext.RequestAborted);
            if (!outcome.Succeeded)
            {
                return Refused(outcome.Problems, upload);
            }

            receipts.Issue(HttpContext, new Receipt(outcome.Token!, outcome.Record!.CaseNumber, outcome.Record.ReceivedOn, Channel.Code, SealingMode.Server, clock.GetUtcNow()));
            return RedirectToPage("Register", "Done");
        }
        finally
        {
            foreach (var keys in candidates)
            {
                keys.Dispose();
            }
        }
    }

    public IReadOnlyList<string> ErrorsFor(string field) =>
        Problems.Where(p => p.Field == field).Select(p => p.MessageKey).ToList();

    private PageResult Refused(IReadOnlyList<FieldProblem> problems, UploadResult upload)
    {
        Problems = problems;
        ChooseAgain = CaseUploads.ToChooseAgain(upload);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <summary>The handler's channel named in the form (or, before the field arrives, in the address); null for any other.</summary>
    private ServerSealingKeys? Chosen(IReadOnlyList<ServerSealingKeys> candidates, FormAnswers fields)
    {
        var code = fields.Get(ChannelField);
        if (code.Length == 0)
        {
            code = candidates.Count == 1 ? candidates[0].Channel.Code : Request.Query[ChannelField].ToString();
        }

        return candidates.FirstOrDefault(k => string.Equals(k.Channel.Code, code, StringComparison.Ordinal));
    }

    private async Task LoadChannelsAsync()
    {
        var mine = await access.ChannelsOfAsync(HttpContext, HttpContext.RequestAborted);
        Channels = await db.Channels.AsNoTracking().Where(c => mine.Contains(c.Id)).OrderBy(c => c.Code).ToListAsync(HttpContext.RequestAborted);
        Channel = Channels.Count == 1 && string.IsNullOrEmpty(ChannelCode)
            ? Channels[0]
            : Channels.FirstOrDefault(c => string.Equals(c.Code, ChannelCode, StringComparison.Ordinal));
    }
}
