using Intake.Web.Audit;

namespace Intake.Web.Notifications;

/// <summary>
/// Notices that follow audited events, written in the entry's own transaction: security notices to the person
/// whose account was reset, changed (passphrase, authenticator app, passkeys) or signed in to from a new browser, and a grant waiting for the members of a channel someone was proposed for.
/// </summary>
public sealed class AuditedEventNotices(NoticeOutbox outbox) : IAuditFollower
{
    public async Task FollowAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        switch (entry.Kind)
        {
            case AuditKinds.AccountReset when entry.SubjectId is { } subject:
                await outbox.ForPersonAsync(subject, NoticeKinds.AccountReset, cancellationToken: cancellationToken);
                break;
            case AuditKinds.PassphraseChanged when entry.SubjectId is { } subject:
                await outbox.ForPersonAsync(subject, NoticeKinds.PassphraseChanged, cancellationToken: cancellationToken);
                break;
            case AuditKinds.SignInSucceeded when AuditDetails.IsNewDevice(entry.Detail) && entry.SubjectId is { } subject:
                await outbox.ForPersonAsync(subject, NoticeKinds.NewDevice, cancellationToken: cancellationToken);
                break;
            // Activation is no change to warn of: only a new authenticator on an active account is.
            case AuditKinds.TotpEnrolled when entry.Detail != AuditDetails.Activation && entry.SubjectId is { } subject:
                await outbox.ForPersonAsync(subject, NoticeKinds.AuthenticatorChanged, cancellationToken: cancellationToken);
                break;
            case AuditKinds.PasskeyRegistered when entry.SubjectId is { } subject:
                await outbox.ForPersonAsync(subject, NoticeKinds.PasskeyChanged, cancellationToken: cancellationToken);
                break;
            // An administrator's reset removes every passkey and has its own notice.
            case AuditKinds.PasskeyRemoved when entry.SubjectId is { } subject && entry.ActorId == subject:
                await outbox.ForPersonAsync(subject, NoticeKinds.PasskeyChanged, cancellationToken: cancellationToken);
                break;
            case AuditKinds.MembershipProposed when entry.ChannelId is { } channel:
                await outbox.ForChannelAsync(channel, NoticeKinds.GrantWaiting, except: entry.SubjectId, cancellationToken: cancellationToken);
                break;
        }
    }
}
