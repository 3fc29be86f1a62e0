namespace Intake.Web.Audit;

/// <summary>Stable details of sign-in entries that others act on. Stable strings: they are part of the hashed record.</summary>
public static class AuditDetails
{
    /// <summary>The detail of a <see cref="AuditKinds.SignInSucceeded"/> from a browser new to an account that has others.</summary>
    public const string NewDevice = "new-device";

    /// <summary>
    /// The detail of a <see cref="AuditKinds.TotpEnrolled"/> at sign-in: the account's activation (or its first sign-in
    /// after a reset, which its owner is told of already), as opposed to a change made on the account page.
    /// </summary>
    public const string Activation = "activation";
}
