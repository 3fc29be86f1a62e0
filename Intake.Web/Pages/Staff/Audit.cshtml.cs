using Intake.Web.Audit;
using Intake.Web.Cases;
using Intake.Web.Storage;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Pages.Staff;

/// <summary>The audit log: the chain verified on every view, and the latest entries with names resolved.</summary>
public sealed class AuditModel(AuditLog audit, IntakeDbContext db, CaseCalendar calendar) : PageModel
{
    public const int Shown = 200;

    public AuditVerification Verification { get; private set; } = AuditVerification.Intact(0);

    public IReadOnlyList<AuditRow> Entries { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Verification = await audit.VerifyAsync(HttpContext.RequestAborted);
        var names = await db.StaffUsers.AsNoTracking()
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName.Length > 0 ? $"{u.DisplayName} ({u.Username})" : u.Username, HttpContext.RequestAborted);
        var channels = await db.Channels.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Code, HttpContext.RequestAborted);
        var entries = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Take(Shown).ToListAsync(HttpContext.RequestAborted);
        var caseIds = entries.Where(e => e.Kind.StartsWith("case.", StringComparison.Ordinal)).Select(e => e.SubjectId).OfType<Guid>().Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.CaseNumber, HttpContext.RequestAborted);
        Entries = entries.Select(e => new AuditRow(
            e.Sequence, TimeZoneInfo.ConvertTime(e.OccurredAt, calendar.Zone), e.Kind,
            e.ActorId is { } a ? names.GetValueOrDefault(a) : null,
            e.SubjectId is { } s ? cases.GetValueOrDefault(s) ?? names.GetValueOrDefault(s) : null,
            e.ChannelId is { } c ? channels.GetValueOrDefault(c) : null,
            e.Detail,
            AuditWords.PersonIn(e.Detail) is { } p ? names.GetValueOrDefault(p) : null)).ToList();
    }
}

/// <summary>An audit entry as shown: local time, people by name, a case by its number, the channel by its code.</summary>
public sealed record AuditRow(long Sequence, DateTimeOffset OccurredAt, string Kind, string? Actor, string? Subject, string? ChannelCode, string? Detail, string? Person);
