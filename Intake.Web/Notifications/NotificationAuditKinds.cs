namespace Intake.Web.Notifications;

/// <summary>The audit log's notification events. Stable strings: they are part of the hashed record.</summary>
public static class NotificationAuditKinds
{
    /// <summary>Notices for a person could not be delivered and are tried again; the detail is the failure class.</summary>
    public const string Delayed = "notification.delayed";

    /// <summary>Notices for a person were given up (refused for good, or undelivered too long).</summary>
    public const string Failed = "notification.failed";

    /// <summary>An administrator sent a test mail; the detail is "sent" or the failure class.</summary>
    public const string TestSent = "notification.test-sent";

    /// <summary>A staff member confirmed a new address for their notices.</summary>
    public const string AddressConfirmed = "notification.address-confirmed";

    /// <summary>A staff member removed their address: no more mails.</summary>
    public const string AddressRemoved = "notification.address-removed";
}
