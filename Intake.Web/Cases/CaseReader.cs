using Intake.Crypto.Age;
using Intake.Web.Audit;
using Intake.Web.Hosting;
using Intake.Web.Keys;
using Intake.Web.Mailbox;
using Intake.Web.Reporting;
using Intake.Web.Reporting.Forms;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Cases;

/// <summary>
/// Opens a case for a handler with the channel identities of their session: the report, the thread, the
/// attachments, the sealed triage notes, and the case's own audit trail. Nothing decrypted is kept beyond the
/// request that asked for it.
/// </summary>
public sealed class CaseReader(IntakeDbContext db, CaseThread thread, CaseTriage triage, CaseMeasures measures, CaseSchedule schedule, DataDirectory data)
{
    public async Task<CaseView> ReadAsync(CaseRecord record, UnlockedKeyring keyring, bool revealIdentity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(keyring);
        var identities = keyring.IdentitiesFor(record.ChannelId);
        var channel = await ChannelAsync(record.ChannelId, cancellationToken);
        var form = ReportForms.For(channel.Code);
        var names = await db.StaffUsers.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var entries = await thread.ReadAsync(record.Id, identities, CaseThreadReader.Handlers, cancellationToken);

        // The report is shown on its own, its identity block apart; the thread is everything after it.
        var report = entries.FirstOrDefault(e => e.Kind == EntryKind.Report) is { } reported ? ToReport(reported, revealIdentity) : null;
        var items = entries.Where(e => e.Kind != EntryKind.Report).ToList();

        var members = await MembersAsync(record.ChannelId, cancellationToken);
        var assignee = record.AssigneeId is { } assigneeId ? names.GetValueOrDefault(assigneeId) : null;
        var audit = await db.AuditEntries.AsNoTracking().Where(e => e.SubjectId == record.Id).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var trail = audit.Select(e => new CaseAuditRow(e.Sequence, e.OccurredAt, e.Kind, e.ActorId is { } a ? names.GetValueOrDefault(a, "?") : null, e.Detail,
            AuditWords.PersonIn(e.Detail) is { } p ? names.GetValueOrDefault(p) : null)).ToList();
        var deadlines = await schedule.RefreshAsync(record, cancellationToken);
        var measureViews = measures.Open(await schedule.MeasuresAsync(record.Id, cancellationToken), keyring, record.ChannelId);
        return new CaseView(record, channel, form, report, items, assignee, members, triage.Open(record, keyring), trail, deadlines, measureViews);
    }

    public async Task<Channels.ChannelKind> KindAsync(Guid channelId, CancellationToken cancellationToken = default) =>
        Channels.ChannelKinds.For((await ChannelAsync(channelId, cancellationToken)).Code);

    public Task<Channel> ChannelAsync(Guid channelId, CancellationToken cancellationToken = default) =>
        db.Channels.AsNoTracking().SingleAsync(c => c.Id == channelId, cancellationToken);

    /// <summary>The active handlers of a channel: who a case may be assigned to.</summary>
    public async Task<IReadOnlyList<CaseMember>> MembersAsync(Guid channelId, CancellationToken cancellationToken = default) =>
        await (from m in db.ChannelMemberships.AsNoTracking()
               join u in db.StaffUsers.AsNoTracking() on m.UserId equals u.Id
               where m.ChannelId == channelId && m.State == MembershipState.Active && !u.IsDisabled && u.Role == Accounts.StaffRole.Handler
               orderby u.DisplayName
               select new CaseMember(u.Id, u.DisplayName)).ToListAsync(cancellationToken);

    /// <summary>
    /// A decrypting stream over one attachment of this case and its original name, type and size from the sealed
    /// entry; null when the attachment is not one of this case's.
    /// </summary>
    public async Task<(Stream Content, AttachmentView Info)?> OpenAttachmentAsync(
        CaseRecord record, UnlockedKeyring keyring, Guid attachmentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(keyring);
        var entry = await db.CaseEntries.AsNoTracking().Include(e => e.Attachments)
            .Where(e => e.CaseId == record.Id && e.Attachments.Any(a => a.Id == attachmentId))
            .SingleOrDefaultAsync(cancellationToken);
        if (entry is null)
        {
            return null;
        }

        var identities = keyring.IdentitiesFor(record.ChannelId);
        var info = SealedEntry.Open(entry, identities, everyFile: true).Attachments.FirstOrDefault(a => a.Id == attachmentId);
        var stored = entry.Attachments.Single(a => a.Id == attachmentId);
        var path = Path.Combine(data.Attachments, Path.GetFileName(stored.FileName));
        if (info is null || !File.Exists(path))
        {
            return null;
        }

        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
        try
        {
            return (await AgeFile.OpenReadAsync(file, identities, ct: cancellationToken), info);
        }
        catch (AgeException)
        {
            // Not sealed to any key this handler holds (or damaged): as good as absent.
            await file.DisposeAsync();
            return null;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private static CaseReport ToReport(CaseThreadEntry opened, bool revealIdentity)
    {
        if (opened.Report is not { } json)
        {
            return new CaseReport(new ReportJson(string.Empty, string.Empty, string.Empty, [], []), opened.Attachments, CommonFields.Anonymous, false, null, null, true);
        }

        // The identity block shows the mode beside the name and contact, so it leaves the answers too.
        var answers = json.Answers.Where(p => !CommonFields.IdentifyingFields.Contains(p.Key) && p.Key != CommonFields.IdentityMode)
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var name = First(json, CommonFields.Name);
        var contact = First(json, CommonFields.Contact);
        var mode = First(json, CommonFields.IdentityMode) ?? CommonFields.Anonymous;
        var hasIdentity = name is not null || contact is not null;
        return new CaseReport(json with { Answers = answers }, opened.Attachments, mode, hasIdentity,
            revealIdentity ? name : null, revealIdentity ? contact : null, false);
    }

    private static string? First(ReportJson json, string field) =>
        json.Answers.TryGetValue(field, out var values) && values.Length > 0 && !string.IsNullOrWhiteSpace(values[0]) ? values[0] : null;
}
