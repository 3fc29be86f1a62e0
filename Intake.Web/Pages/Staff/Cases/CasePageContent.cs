using Intake.Web.Audit;
using Intake.Web.Cases;
using Intake.Web.Keys;
using Intake.Web.Mailbox;

namespace Intake.Web.Pages.Staff.Cases;

/// <summary>The case page as shown: the decrypted case, its threat panels if its kind has them, the reply and note forms, today.</summary>
public sealed record CasePageShown(CaseView View, ThreatPanel? Threat, CaseWriteForms WriteForms, DateOnly Today);

/// <summary>
/// What the case page reads, and the audit entries reading it takes: opening the case (which marks the reporter's
/// messages read), revealing the reporter's identity, downloading an attachment.
/// </summary>
public sealed class CasePageContent(
    CaseReader reader, ThreatPanels panels, WriteForms writeForms, AuditLog audit, Storage.UnitOfWork work, CaseViewAudit viewAudit, CaseCalendar calendar)
{
    /// <summary>
    /// Opens the case: its messages are read and the view audited, as one unit of work, except on the page a handler
    /// lands on after their own save (<paramref name="afterSave"/>), which the save already recorded.
    /// </summary>
    public async Task<CasePageShown> OpenAsync(CaseRecord record, UnlockedKeyring keyring, bool afterSave, string? template, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(keyring);
        if (!afterSave || !await viewAudit.IsFollowUpOfOwnSaveAsync(keyring.UserId, record.Id, cancellationToken))
        {
            record.UnreadReporterMessages = 0;
            audit.Record(AuditKinds.CaseViewed, keyring.UserId, record.Id, record.ChannelId);
            await work.SaveAsync(cancellationToken);
        }

        return await ShowAsync(record, keyring, reveal: false, template, cancellationToken);
    }

    /// <summary>The case with the reporter's name and contact, for this response only, audited.</summary>
    public async Task<CasePageShown> RevealAsync(CaseRecord record, UnlockedKeyring keyring, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(keyring);
        await audit.AppendAsync(AuditKinds.CaseIdentityRevealed, keyring.UserId, record.Id, record.ChannelId, cancellationToken: cancellationToken);
        return await ShowAsync(record, keyring, reveal: true, template: null, cancellationToken);
    }

    public async Task<CasePageShown> ShowAsync(CaseRecord record, UnlockedKeyring keyring, bool reveal, string? template, CancellationToken cancellationToken = default)
    {
        var view = await reader.ReadAsync(record, keyring, reveal, cancellationToken);
        return new CasePageShown(view, await panels.ForAsync(view, cancellationToken), writeForms.For(view, keyring, template), calendar.Today);
    }

    /// <summary>A decrypting stream over one of the case's attachments, audited; null when it is not the case's.</summary>
    public async Task<(Stream Content, AttachmentView Info)?> DownloadAsync(CaseRecord record, UnlockedKeyring keyring, Guid attachmentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(keyring);
        if (await reader.OpenAttachmentAsync(record, keyring, attachmentId, cancellationToken) is not { } opened)
        {
            return null;
        }

        await audit.AppendAsync(AuditKinds.CaseAttachmentDownloaded, keyring.UserId, record.Id, record.ChannelId, attachmentId.ToString(), cancellationToken);
        return opened;
    }
}
