using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Intake.Web.Notifications;

/// <summary>One notice as a mail shows it: its kind and the name of its channel, nothing else.</summary>
public sealed record NoticeLine(string Kind, string? ChannelName);

/// <summary>
/// Writes mails from the templates: one notice gets its own subject, several get the frame's "N new events"
/// subject, each notice one paragraph. The only values a mail can carry are the channel's name, the day counts
/// of the reminder settings and the links; nothing of a case is ever passed in.
/// </summary>
public sealed class MailComposer(MailTemplates templates, IOptions<MailOptions> mail, IOptions<NotificationOptions> options, TimeProvider clock)
{
    public MimeMessage Compose(string address, string language, IReadOnlyList<NoticeLine> notices, IReadOnlyCollection<Guid> noticeIds, string? confirmUrl = null)
    {
        ArgumentNullException.ThrowIfNull(notices);
        ArgumentNullException.ThrowIfNull(noticeIds);
        if (notices.Count == 0)
        {
            throw new ArgumentException("A mail needs at least one notice.", nameof(notices));
        }

        var (subject, body) = Render(language, notices, confirmUrl);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(mail.Value.From));
        message.To.Add(MailboxAddress.Parse(address));
        message.Subject = subject;
        message.Date = clock.GetUtcNow();
        message.MessageId = MessageIdFor(noticeIds);
        message.Body = new TextPart("plain") { Text = body };
        return message;
    }

    /// <summary>The subject and body text, in the language (or Swedish where it has no template).</summary>
    public (string Subject, string Body) Render(string language, IReadOnlyList<NoticeLine> notices, string? confirmUrl = null)
    {
        ArgumentNullException.ThrowIfNull(notices);
        var shown = notices.OrderBy(n => n.Kind == NoticeKinds.Digest ? 0 : 1).ToList();
        var paragraphs = new List<string>();
        string? firstSubject = null;
        foreach (var notice in shown)
        {
            var template = templates.Get(notice.Kind, language);
            var values = Values(notice, confirmUrl);
            firstSubject ??= MailTemplates.Fill(template.Subject, values);
            paragraphs.Add(MailTemplates.Fill(template.Body, values).TrimEnd());
        }

        if (shown.Count == 1 && shown[0].Kind == NoticeKinds.Digest)
        {
            paragraphs.Add(templates.Get(MailTemplates.DigestEmpty, language).Body.TrimEnd());
        }

        var subject = shown.Count == 1 || shown[0].Kind == NoticeKinds.Digest
            ? firstSubject!
            : MailTemplates.Fill(templates.Get(MailTemplates.FrameSeveral, language).Subject, new Dictionary<string, string> { ["Count"] = shown.Count.ToString(CultureInfo.InvariantCulture) });
        var frame = templates.Get(MailTemplates.Frame, language);
        var frameValues = new Dictionary<string, string>
        {
            ["Subject"] = subject,
            ["Notices"] = string.Join("\n\n", paragraphs),
            ["SignInUrl"] = SignInUrl,
        };
        return (MailTemplates.Fill(frame.Subject, frameValues), MailTemplates.Fill(frame.Body, frameValues));
    }

    /// <summary>The staff sign-in page under <see cref="NotificationOptions.PublicUrl"/>, or its path when none is set.</summary>
    public string SignInUrl => options.Value.PublicUrl is { } root ? new Uri(root, "Staff/SignIn").ToString() : "/Staff/SignIn";

    private Dictionary<string, string> Values(NoticeLine notice, string? confirmUrl)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Channel"] = notice.ChannelName ?? string.Empty,
            ["SignInUrl"] = SignInUrl,
            ["Days"] = (notice.Kind.StartsWith("deadline.acknowledgement", StringComparison.Ordinal)
                ? options.Value.AcknowledgementReminderDays
                : options.Value.FeedbackReminderDays).ToString(CultureInfo.InvariantCulture),
        };
        if (confirmUrl is not null)
        {
            values["ConfirmUrl"] = confirmUrl;
        }

        return values;
    }

    /// <summary>
    /// The same notices always get the same Message-ID, so that in the rare case a mail is sent again (the
    /// process stopped between the server's acceptance and the outbox update) mail clients can drop the copy.
    /// </summary>
    private string MessageIdFor(IReadOnlyCollection<Guid> ids)
    {
        var joined = string.Join(',', ids.Order().Select(i => i.ToString("N")));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(joined)))[..32];
        var from = MailboxAddress.Parse(mail.Value.From).Address;
        var at = from.IndexOf('@', StringComparison.Ordinal);
        return hash + "@" + (at >= 0 ? from[(at + 1)..] : "intake.invalid");
    }
}
