namespace Intake.Web.Notifications;

/// <summary>Settings under <c>Intake:Notifications</c>: timing, retries and the links mails carry.</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Intake:Notifications";

    /// <summary>
    /// Each notice waits a random time up to this before it is sent, so that a mail server's log does not show
    /// when a report came in; notices due for one person in that window go out as one mail. Zero sends at once.
    /// </summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The address mails link to (the sign-in page is <c>Staff/SignIn</c> under it).</summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>The local time of day (Intake:Cases:TimeZone) the daily digest is sent to those who chose it.</summary>
    public TimeSpan DigestTime { get; set; } = new(7, 0, 0);

    /// <summary>How often the sender looks for notices that are due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often deadlines and daily digests are checked.</summary>
    public TimeSpan DeadlineScanInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The wait after the first failed attempt; it doubles with each failure up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>After this long without delivery a notice is given up as failed (and the failure audited).</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How long a sender holds the notices it claimed before another sender may take them over.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Days before the acknowledgement deadline that the reminder goes out.</summary>
    public int AcknowledgementReminderDays { get; set; } = 2;

    /// <summary>Days before the feedback deadline that the reminder goes out.</summary>
    public int FeedbackReminderDays { get; set; } = 14;
}
