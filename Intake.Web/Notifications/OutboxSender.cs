using System.Globalization;
using Intake.Web.Audit;
using Intake.Web.Organisation;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Intake.Web.Notifications;

/// <summary>
/// One run of the sender: finds the people with a notice that is due, claims all their waiting notices with one
/// conditional UPDATE (so two senders, on one node or several, never take the same notice), sends them as one
/// mail and marks them sent. A failure puts them back with an exponential back-off; a refusal for good, or
/// <see cref="NotificationOptions.GiveUpAfter"/> without delivery, marks them failed. Failures are audited
/// with their class only.
/// </summary>
public sealed partial class OutboxSender(
    IntakeDbContext db, MailComposer composer, SmtpMailer mailer, AuditLog audit, SiteTexts siteTexts, IOptions<NotificationOptions> options,
    TimeProvider clock, ILogger<OutboxSender> logger)
{
    private readonly NotificationOptions _options = options.Value;

    /// <summary>Sends what is due; returns the number of notices delivered.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        db.ChangeTracker.Clear();
        var now = Now;
        var recipients = await db.Outbox.AsNoTracking()
            .Where(n => (n.State == OutboxState.Waiting && n.DueAtMs <= now && n.NextAttemptAtMs <= now)
                || (n.State == OutboxState.Sending && n.ClaimedUntilMs < now))
            .Select(n => n.RecipientId).Distinct().ToListAsync(cancellationToken);
        var delivered = 0;
        string? connectionFailure = null;
        foreach (var recipient in recipients)
        {
            var claim = await ClaimAsync(recipient, cancellationToken);
            if (claim.Count == 0)
            {
                continue;
            }

            string? error;
            bool permanent;
            try
            {
                (error, permanent) = await DeliverAsync(recipient, claim, connectionFailure, cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // The claim ran out and another sender took these notices over: they are its to settle now.
                LogClaimLost(logger, claim.Count);
                db.ChangeTracker.Clear();
                continue;
            }

            if (error is null)
            {
                delivered += claim.Count(n => n.State == OutboxState.Sent);
            }
            else if (!permanent)
            {
                connectionFailure = error;
            }
        }

        return delivered;
    }

    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    private async Task<List<OutboxNotice>> ClaimAsync(Guid recipient, CancellationToken cancellationToken)
    {
        var now = Now;
        var token = Guid.NewGuid();
        var leaseEnds = now + (long)_options.ClaimLease.TotalMilliseconds;
        // The whole claim is one statement: a row already claimed by another sender no longer matches it.
        var claimed = await db.Outbox
            .Where(n => n.RecipientId == recipient
                && ((n.State == OutboxState.Waiting && n.NextAttemptAtMs <= now) || (n.State == OutboxState.Sending && n.ClaimedUntilMs < now)))
            .ExecuteUpdateAsync(set => set
                .SetProperty(n => n.State, OutboxState.Sending)
                .SetProperty(n => n.ClaimToken, token)
                .SetProperty(n => n.ClaimedUntilMs, leaseEnds), cancellationToken);
        return claimed == 0 ? [] : await db.Outbox.Where(n => n.ClaimToken == token).ToListAsync(cancellationToken);
    }

    private async Task<(string? Error, bool Permanent)> DeliverAsync(
        Guid recipient, List<OutboxNotice> claim, string? connectionFailure, CancellationToken cancellationToken)
    {
        var profile = await db.NotificationProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.StaffUserId == recipient, cancellationToken);
        var wanted = claim.Where(n => profile?.Email is not null && profile.Wants(n.Kind)).ToList();
        foreach (var dropped in claim.Except(wanted))
        {
            Settle(dropped, OutboxState.Dropped);
        }

        if (wanted.Count == 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            return (null, false);
        }

        // The sender's connection already failed in this run: the rest wait for their back-off, untried.
        var error = connectionFailure;
        var permanent = false;
        if (error is null)
        {
            try
            {
                var message = composer.Compose(profile!.Email!, profile.Language, await LinesAsync(profile.Language, wanted, cancellationToken), wanted.Select(n => n.Id).ToList());
                await mailer.SendAsync(message, cancellationToken);
            }
            catch (MailDeliveryException ex)
            {
                error = ex.ErrorClass;
                permanent = ex.Permanent;
            }
        }

        if (error is null)
        {
            wanted.ForEach(n => Settle(n, OutboxState.Sent));
            await db.SaveChangesAsync(cancellationToken);
            return (null, false);
        }

        await RecordFailureAsync(recipient, wanted, error, permanent, cancellationToken);
        return (error, permanent);
    }

    private async Task RecordFailureAsync(Guid recipient, List<OutboxNotice> notices, string error, bool permanent, CancellationToken cancellationToken)
    {
        var now = Now;
        var firstFailure = notices.Any(n => n.Attempts == 0);
        var givenUp = false;
        foreach (var notice in notices)
        {
            notice.Attempts++;
            notice.LastError = error;
            if (permanent || now - notice.CreatedAtMs >= (long)_options.GiveUpAfter.TotalMilliseconds)
            {
                Settle(notice, OutboxState.Failed);
                givenUp = true;
                continue;
            }

            notice.State = OutboxState.Waiting;
            notice.ClaimToken = null;
            notice.ClaimedUntilMs = null;
            notice.NextAttemptAtMs = now + Backoff(notice.Attempts);
        }

        LogDeliveryFailed(logger, notices.Count, error);
        if (givenUp)
        {
            await audit.AppendAsync(NotificationAuditKinds.Failed, subjectId: recipient, detail: error, cancellationToken: cancellationToken);
        }
        else if (firstFailure)
        {
            await audit.AppendAsync(NotificationAuditKinds.Delayed, subjectId: recipient, detail: error, cancellationToken: cancellationToken);
        }
        else
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private long Backoff(int attempts)
    {
        var initial = _options.RetryInitialDelay.TotalMilliseconds;
        var delay = initial * Math.Pow(2, Math.Min(attempts - 1, 30));
        return (long)Math.Min(delay, _options.RetryMaxDelay.TotalMilliseconds);
    }

    private void Settle(OutboxNotice notice, OutboxState state)
    {
        notice.State = state;
        notice.ClaimToken = null;
        notice.ClaimedUntilMs = null;
        if (state == OutboxState.Sent)
        {
            notice.SentAtMs = Now;
        }
    }

    private async Task<List<NoticeLine>> LinesAsync(string language, List<OutboxNotice> notices, CancellationToken cancellationToken)
    {
        var codes = await db.Channels.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Code, cancellationToken);
        // The channel names as the administrator set them, in the recipient's language.
        var previous = CultureInfo.CurrentUICulture;
        IReadOnlyDictionary<string, string> names;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            names = await siteTexts.ChannelNamesAsync(cancellationToken);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        return notices.OrderBy(n => n.CreatedAtMs).Select(n => new NoticeLine(
            n.Kind,
            n.ChannelId is { } id && codes.TryGetValue(id, out var code) ? names.GetValueOrDefault(code) : null)).ToList();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The claim on {Count} notices ran out before they were settled")]
    private static partial void LogClaimLost(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} notices were not delivered ({Error}); they are tried again later")]
    private static partial void LogDeliveryFailed(ILogger logger, int count, string error);
}
