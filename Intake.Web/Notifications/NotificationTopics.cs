namespace Intake.Web.Notifications;

/// <summary>The topics in the order the account page lists them.</summary>
public static class NotificationTopics
{
    public static IReadOnlyList<NoticeTopics> All { get; } =
    [
        NoticeTopics.NewReports, NoticeTopics.ReporterMessages, NoticeTopics.AcknowledgementDeadlines, NoticeTopics.FeedbackDeadlines,
        NoticeTopics.ThreatDuties, NoticeTopics.Grants, NoticeTopics.Security, NoticeTopics.NewDevices,
    ];
}
