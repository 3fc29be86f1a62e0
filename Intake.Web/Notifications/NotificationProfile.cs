namespace Intake.Web.Notifications;

/// <summary>
/// A staff member's mail settings: the confirmed address, the language of their mails, what they muted and
/// whether they want one daily digest instead of single mails. A new address waits in <see cref="PendingEmail"/>
/// until the link sent to it is opened; only a hash of that link's secret is kept.
/// </summary>
public sealed class NotificationProfile
{
    public Guid StaffUserId { get; set; }

    public string? Email { get; set; }

    /// <summary>A two-letter language code with templates (sv, en, …).</summary>
    public string Language { get; set; } = "sv";

    public NoticeTopics Muted { get; set; }

    public bool DailyDigest { get; set; }

    public string? PendingEmail { get; set; }

    public byte[]? PendingTokenHash { get; set; }

    public long? PendingExpiresAtMs { get; set; }

    public bool Wants(string kind)
    {
        var topic = NoticeKinds.TopicOf(kind);
        return topic == NoticeTopics.None || (Muted & topic) == 0;
    }
}
