using System.Security.Cryptography;
using Intake.Web.Audit;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Intake.Web.Notifications;

public enum AddressRequestResult
{
    Sent,
    Invalid,
    MailNotConfigured,
    SendFailed,
}

/// <summary>
/// A person's own mail settings: the address (set by a link sent to it, valid for 24 hours, of which only a hash
/// is kept), the language, the muted topics and the daily digest.
/// </summary>
public sealed class NotificationSettings(
    IntakeDbContext db, MailComposer composer, SmtpMailer mailer, MailTemplates templates, AuditLog audit,
    IOptions<MailOptions> mail, IOptions<NotificationOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(24);

    public bool MailConfigured => mail.Value.IsConfigured;

    public async Task<NotificationProfile> GetAsync(Guid userId, CancellationToken cancellationToken = default) =>
        await db.NotificationProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.StaffUserId == userId, cancellationToken)
        ?? new NotificationProfile { StaffUserId = userId };

    /// <summary>Sends the confirmation link to a new address; the address takes effect only when the link is opened.</summary>
    public async Task<AddressRequestResult> RequestAddressAsync(Guid userId, string? typed, Func<string, string> linkFor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(linkFor);
        var address = MailAddresses.Normalise(typed);
        if (address is null)
        {
            return AddressRequestResult.Invalid;
        }

        if (!MailConfigured)
        {
            return AddressRequestResult.MailNotConfigured;
        }

        var token = Base64UrlToken();
        var profile = await TrackedAsync(userId, cancellationToken);
        profile.PendingEmail = address;
        profile.PendingTokenHash = SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(token));
        profile.PendingExpiresAtMs = clock.GetUtcNow().Add(LinkLifetime).ToUnixTimeMilliseconds();
        await db.SaveChangesAsync(cancellationToken);
        try
        {
            var message = composer.Compose(address, profile.Language, [new NoticeLine(NoticeKinds.ConfirmAddress, null)], [Guid.NewGuid()], LinkFor(token, linkFor));
            await mailer.SendAsync(message, cancellationToken);
            return AddressRequestResult.Sent;
        }
        catch (MailDeliveryException)
        {
            return AddressRequestResult.SendFailed;
        }
    }

    /// <summary>Opens a confirmation link: true when it is this person's, unexpired and unused.</summary>
    public async Task<bool> ConfirmAddressAsync(Guid userId, string? token, CancellationToken cancellationToken = default)
    {
        var profile = await db.NotificationProfiles.SingleOrDefaultAsync(p => p.StaffUserId == userId, cancellationToken);
        if (profile?.PendingTokenHash is null || profile.PendingEmail is null || string.IsNullOrEmpty(token) || token.Length > 64
            || profile.PendingExpiresAtMs < clock.GetUtcNow().ToUnixTimeMilliseconds())
        {
            return false;
        }

        var hash = SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(token));
        if (!CryptographicOperations.FixedTimeEquals(hash, profile.PendingTokenHash))
        {
            return false;
        }

        var previous = profile.Email;
        profile.Email = profile.PendingEmail;
        profile.PendingEmail = null;
        profile.PendingTokenHash = null;
        profile.PendingExpiresAtMs = null;
        await audit.AppendAsync(NotificationAuditKinds.AddressConfirmed, userId, userId, cancellationToken: cancellationToken);
        if (previous is not null && !string.Equals(previous, profile.Email, StringComparison.OrdinalIgnoreCase))
        {
            await TellPreviousAddressAsync(previous, profile.Language, cancellationToken);
        }

        return true;
    }

    public async Task RemoveAddressAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var profile = await TrackedAsync(userId, cancellationToken);
        profile.Email = null;
        profile.PendingEmail = null;
        profile.PendingTokenHash = null;
        profile.PendingExpiresAtMs = null;
        await audit.AppendAsync(NotificationAuditKinds.AddressRemoved, userId, userId, cancellationToken: cancellationToken);
    }

    public async Task SavePreferencesAsync(Guid userId, string language, NoticeTopics muted, bool dailyDigest, CancellationToken cancellationToken = default)
    {
        var profile = await TrackedAsync(userId, cancellationToken);
        profile.Language = templates.Languages.Contains(language, StringComparer.Ordinal) ? language : MailTemplates.DefaultLanguage;
        profile.Muted = muted & ~NoticeTopics.Security;
        var releaseHeld = profile.DailyDigest && !dailyDigest;
        profile.DailyDigest = dailyDigest;
        await db.SaveChangesAsync(cancellationToken);
        if (releaseHeld)
        {
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            await db.Outbox.Where(n => n.RecipientId == userId && n.State == OutboxState.Waiting && n.DueAtMs == NoticeOutbox.HeldForDigest)
                .ExecuteUpdateAsync(set => set.SetProperty(n => n.DueAtMs, now), cancellationToken);
        }
    }

    /// <summary>Sets a confirmed address without a link: for the scripted set-up, where the file is trusted.</summary>
    public static NotificationProfile Provisioned(Guid userId, string address) => new() { StaffUserId = userId, Email = address };

    private async Task<NotificationProfile> TrackedAsync(Guid userId, CancellationToken cancellationToken)
    {
        var profile = await db.NotificationProfiles.SingleOrDefaultAsync(p => p.StaffUserId == userId, cancellationToken);
        if (profile is null)
        {
            profile = new NotificationProfile { StaffUserId = userId };
            db.NotificationProfiles.Add(profile);
        }

        return profile;
    }

    private async Task TellPreviousAddressAsync(string previous, string language, CancellationToken cancellationToken)
    {
        try
        {
            await mailer.SendAsync(composer.Compose(previous, language, [new NoticeLine(NoticeKinds.EmailChanged, null)], [Guid.NewGuid()]), cancellationToken);
        }
        catch (MailDeliveryException)
        {
            // The new address is confirmed either way; the old one may no longer exist.
        }
    }

    /// <summary>Under <see cref="NotificationOptions.PublicUrl"/> when it is set, else at the address the request came to.</summary>
    private string LinkFor(string token, Func<string, string> fromRequest) => options.Value.PublicUrl is { } root
        ? new Uri(root, "Staff/Account/ConfirmAddress?token=" + Uri.EscapeDataString(token)).ToString()
        : fromRequest(token);

    private static string Base64UrlToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
