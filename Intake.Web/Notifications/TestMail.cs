using Intake.Web.Audit;
using Microsoft.Extensions.Options;

namespace Intake.Web.Notifications;

/// <summary>An administrator's test mail to any address: sent at once, outcome audited (sent, or the failure class).</summary>
public sealed class TestMail(MailComposer composer, SmtpMailer mailer, AuditLog audit, IOptions<MailOptions> mail)
{
    /// <summary>Null when sent; otherwise a resource key for the problem, with the failure class where there is one.</summary>
    public async Task<(string? ProblemKey, string? ErrorClass)> SendAsync(Guid administratorId, string? typed, string language, CancellationToken cancellationToken = default)
    {
        var address = MailAddresses.Normalise(typed);
        if (address is null)
        {
            return ("Notifications.Error.InvalidAddress", null);
        }

        if (!mail.Value.IsConfigured)
        {
            return ("Notifications.MailNotConfigured", null);
        }

        string? error = null;
        try
        {
            await mailer.SendAsync(composer.Compose(address, language, [new NoticeLine(NoticeKinds.Test, null)], [Guid.NewGuid()]), cancellationToken);
        }
        catch (MailDeliveryException ex)
        {
            error = ex.ErrorClass;
        }

        await audit.AppendAsync(NotificationAuditKinds.TestSent, administratorId, detail: error ?? "sent", cancellationToken: cancellationToken);
        return error is null ? (null, null) : ("Notifications.Admin.TestFailed", error);
    }
}
