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
    public const string PasskeyRegistered = "passkey.registered";
    public const string PasskeyRemoved = "passkey.removed";
    public const string AccountCreated = "account.created";
    public const string AccountReset = "account.reset";
    public const string RoleChanged = "account.role-changed";
    public const string AccountActivated = "account.activated";
    public const string AccountActivationFailed = "account.activation-failed";
    public const string AccountDeactivated = "account.deactivated";
    public const string MembershipProposed = "channel.member-proposed";
    public const string MembershipApproved = "channel.member-approved";
    public const string MembershipGranted = "channel.member-granted";
    public const string MembershipRevoked = "channel.member-revoked";
    public const string ChannelKeyRotated = "channel.key-rotated";
    public const string ChannelTextsChanged = "channel.texts-changed";
    public const string OrganisationTextsChanged = "organisation.texts-changed";
    public const string OrganisationLogoChanged = "organisation.logo-changed";
    public const string OrganisationUnitsChanged = "organisation.units-changed";

    // A handler downloaded the channel identity they hold, sealed with a passphrase (to open an export offline).
    public const string ChannelIdentityExported = "channel.identity-exported";
    public const string RecoveryUsed = "recovery.used";

    // The operator replaced the recovery identity with a hybrid post-quantum one (re-wrapping every channel key).
    public const string RecoveryReplaced = "recovery.replaced";

    // A person's personal identity became hybrid post-quantum at a sign-in with their passphrase.
    public const string PersonalKeyUpgraded = "account.key-upgraded";
    public const string AuditVerified = "audit.verified";

    // The operator added MACs to the entries written before the audit key existed (once, after upgrading).
    public const string AuditSealed = "audit.sealed-legacy";

    // Case handling: the subject is the case id, the channel its channel.
    public const string CaseRegistered = "case.registered";
    public const string CaseViewed = "case.viewed";
    public const string CaseIdentityRevealed = "case.identity-revealed";
    public const string CaseAttachmentDownloaded = "case.attachment-downloaded";
    public const string CaseExported = "case.exported";
    public const string CasePrinted = "case.printed";
    public const string CasePdfExported = "case.pdf-exported";
    public const string CaseReplied = "case.replied";
    public const string CaseNoted = "case.noted";
    public const string CaseStatusChanged = "case.status-changed";
    public const string CaseAssigned = "case.assigned";
    public const string CaseCategorised = "case.categorised";
    public const string CaseTriageChanged = "case.triage-changed";
    public const string CaseUrgencyChanged = "case.urgency-changed";
    public const string CaseStatutoryChanged = "case.statutory-changed";
    public const string CaseMeasureAdded = "case.measure-added";
    public const string CaseMeasureChanged = "case.measure-changed";
    public const string CaseUnitChanged = "case.unit-changed";

    /// <summary>The e-service's receipt for the Arbetsmiljöverket or Försäkringskassan report was attached (detail: <c>awe</c>/<c>fk</c> and the file count).</summary>
    public const string CaseReceiptAttached = "case.receipt-attached";
    public const string CaseLegalHold = "case.legal-hold";
    public const string CaseRegistryExported = "case.registry-exported";
    public const string CaseDisposed = "case.disposed";
}
