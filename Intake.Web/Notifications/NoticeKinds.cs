namespace Intake.Web.Notifications;

/// <summary>What a person can choose to hear about. Stored inverted (what is muted), so every topic starts on.</summary>
[Flags]
public enum NoticeTopics
{
    None = 0,
    NewReports = 1,
    ReporterMessages = 2,
    AcknowledgementDeadlines = 4,
    FeedbackDeadlines = 8,
    ThreatDuties = 16,
    Grants = 32,
    Security = 64,

    /// <summary>A sign-in from a browser new to my account: a security notice that, unlike the others, can be muted.</summary>
    NewDevices = 128,
}

/// <summary>
/// The kinds of notice. Each is a stable code (stored in the outbox) and one template per language,
/// <c>Templates/{code}.{language}.txt</c>; adding a kind is a constant here, a topic in <see cref="TopicOf"/>
/// and its template files.
/// </summary>
public static class NoticeKinds
{
    public const string NewReport = "report.new";

    /// <summary>A new report in the threats channel: it may be a serious incident that Arbetsmiljöverket must hear of the same day.</summary>
    public const string NewThreatReport = "report.new-threat";
    public const string ReporterMessage = "reporter.message";
    public const string MeetingRequest = "reporter.meeting";
    public const string AcknowledgementSoon = "deadline.acknowledgement-soon";
    public const string AcknowledgementOverdue = "deadline.acknowledgement-overdue";
    public const string FeedbackSoon = "deadline.feedback-soon";
    public const string FeedbackOverdue = "deadline.feedback-overdue";

    /// <summary>A threats case that is urgent (a possible serious incident) with no Arbetsmiljöverket decision recorded: daily.</summary>
    public const string WorkEnvironmentDecisionPending = "threat.work-environment-decision";

    /// <summary>A threats case marked as a serious incident not yet reported to Arbetsmiljöverket: daily.</summary>
    public const string WorkEnvironmentReportPending = "threat.work-environment-pending";

    /// <summary>A threats case where someone was injured and no report to Försäkringskassan is recorded: daily from its due day.</summary>
    public const string SocialInsuranceReportPending = "threat.social-insurance-pending";

    /// <summary>A named reporter asked to be contacted and the first contact is due today.</summary>
    public const string FirstContactDue = "threat.first-contact-due";

    /// <summary>A named reporter asked to be contacted and the day for the first contact has passed.</summary>
    public const string FirstContactOverdue = "threat.first-contact-overdue";
    public const string FollowUpReached = "threat.follow-up";

    /// <summary>A planned measure of a threats case is due today.</summary>
    public const string MeasureDue = "threat.measure-due";

    /// <summary>A planned measure of a threats case has passed its due date without being done or cancelled.</summary>
    public const string MeasureOverdue = "threat.measure-overdue";
    public const string GrantWaiting = "grant.waiting";
    public const string AccountReset = "security.account-reset";
    public const string PassphraseChanged = "security.passphrase-changed";
    public const string AuthenticatorChanged = "security.authenticator-changed";

    /// <summary>A passkey was added to my account, or I removed one (an administrator's reset has its own notice).</summary>
    public const string PasskeyChanged = "security.passkey-changed";
    public const string EmailChanged = "security.email-changed";

    /// <summary>My account was signed in to from a browser it had not been used from (never where, never which).</summary>
    public const string NewDevice = "security.new-device";

    /// <summary>The daily digest: sent every day to those who chose it, also when nothing happened.</summary>
    public const string Digest = "digest";

    /// <summary>Sent by an administrator from the outbox page to check the mail settings.</summary>
    public const string Test = "test";

    /// <summary>The link that confirms a new address; never queued (it carries a secret), sent at once.</summary>
    public const string ConfirmAddress = "address.confirm";

    public static IReadOnlyList<string> Queued { get; } =
    [
        NewReport, NewThreatReport, ReporterMessage, MeetingRequest, AcknowledgementSoon, AcknowledgementOverdue,
        FeedbackSoon, FeedbackOverdue, WorkEnvironmentDecisionPending, WorkEnvironmentReportPending, SocialInsuranceReportPending,
        FirstContactDue, FirstContactOverdue, FollowUpReached, MeasureDue, MeasureOverdue, GrantWaiting, AccountReset,
        PassphraseChanged, AuthenticatorChanged, PasskeyChanged, EmailChanged, NewDevice, Digest,
    ];

    public static IReadOnlyList<string> All { get; } = [.. Queued, Test, ConfirmAddress];

    /// <summary>The topic a kind belongs to; <see cref="NoticeTopics.None"/> for what cannot be muted.</summary>
    public static NoticeTopics TopicOf(string kind) => kind switch
    {
        NewReport or NewThreatReport => NoticeTopics.NewReports,
        ReporterMessage or MeetingRequest => NoticeTopics.ReporterMessages,
        AcknowledgementSoon or AcknowledgementOverdue => NoticeTopics.AcknowledgementDeadlines,
        FeedbackSoon or FeedbackOverdue => NoticeTopics.FeedbackDeadlines,
        WorkEnvironmentDecisionPending or WorkEnvironmentReportPending or SocialInsuranceReportPending or FirstContactDue
            or FirstContactOverdue or FollowUpReached or MeasureDue or MeasureOverdue => NoticeTopics.ThreatDuties,
        GrantWaiting => NoticeTopics.Grants,
        AccountReset or PassphraseChanged or AuthenticatorChanged or PasskeyChanged or EmailChanged => NoticeTopics.Security,
        NewDevice => NoticeTopics.NewDevices,
        _ when kind.StartsWith("threat.", StringComparison.Ordinal) => NoticeTopics.ThreatDuties,
        _ => NoticeTopics.None,
    };

    /// <summary>A notice about my own account: sent at once (never held for the digest) and to any role.</summary>
    public static bool IsSecurity(string kind) => TopicOf(kind) is NoticeTopics.Security or NoticeTopics.NewDevices;
}
