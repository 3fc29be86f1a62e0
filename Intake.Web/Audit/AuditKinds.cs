namespace Intake.Web.Audit;

/// <summary>The security events recorded in the audit log. Stable strings: they are part of the hashed record.</summary>
public static class AuditKinds
{
    public const string SetupCompleted = "setup.completed";
    public const string SignInSucceeded = "signin.succeeded";
    public const string SignInFailed = "signin.failed";
    public const string SignOut = "signin.signout";
    public const string TotpEnrolled = "totp.enrolled";
    public const string PassphraseChanged = "passphrase.changed";
    public const string AccountCreated = "account.created";
    public const string AccountReset = "account.reset";
    public const string RoleChanged = "account.role-changed";
    public const string MembershipProposed = "channel.member-proposed";
    public const string MembershipGranted = "channel.member-granted";
    public const string MembershipRevoked = "channel.member-revoked";
    public const string ChannelKeyRotated = "channel.key-rotated";
    public const string ChannelTextsChanged = "channel.texts-changed";
    public const string RecoveryUsed = "recovery.used";
    public const string AuditVerified = "audit.verified";
}
