namespace Intake.Web.Notifications;

public enum OutboxState
{
    /// <summary>Waiting for its time, or for the next attempt after a failure.</summary>
    Waiting = 0,

    /// <summary>Claimed by a sender until <see cref="OutboxNotice.ClaimedUntilMs"/>.</summary>
    Sending = 1,
    Sent = 2,

    /// <summary>Given up: refused for good by the mail server, or undelivered for <see cref="NotificationOptions.GiveUpAfter"/>.</summary>
    Failed = 3,

    /// <summary>The person has no confirmed address any more, or muted the topic, before it was sent.</summary>
    Dropped = 4,
}

/// <summary>
/// One notice to one person, written in the same transaction as the event that causes it. It holds what kind of
/// event it was and for which channel; the case id only to keep reminders from repeating, never for a mail.
/// Times are Unix milliseconds, comparable in SQL on every provider.
/// </summary>
public sealed class OutboxNotice
{
    public Guid Id { get; set; }

    public Guid RecipientId { get; set; }

    public string Kind { get; set; } = string.Empty;

    public Guid? ChannelId { get; set; }

    public Guid? CaseId { get; set; }

    /// <summary>Unique when set: the same reminder for the same case, day and person is written once only.</summary>
    public string? DedupeKey { get; set; }

    public long CreatedAtMs { get; set; }

    /// <summary>Creation plus the random delay: not sent before.</summary>
    public long DueAtMs { get; set; }

    /// <summary>Not tried again before (after a failure).</summary>
    public long NextAttemptAtMs { get; set; }

    public OutboxState State { get; set; }

    public int Attempts { get; set; }

    public Guid? ClaimToken { get; set; }

    public long? ClaimedUntilMs { get; set; }

    public long? SentAtMs { get; set; }

    /// <summary>The class of the last failure (for example <c>SocketException</c> or <c>SMTP 550</c>), never a message text.</summary>
    public string? LastError { get; set; }
}
