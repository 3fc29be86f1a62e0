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

    /// <summary>
    /// In the detail of a <see cref="AuditKinds.SignInSucceeded"/> or <see cref="AuditKinds.SignInFailed"/>: the passkey
    /// alone signed in (it opened the personal identity), before <see cref="NewDevice"/> when that applies.
    /// </summary>
    public const string Passkey = "passkey";

    /// <summary>In a sign-in's detail: the passphrase and a passkey as the second factor instead of the TOTP code.</summary>
    public const string PasskeyFactor = "passkey-factor";

    /// <summary>The detail of a <see cref="AuditKinds.PasskeyRegistered"/> whose passkey opens the personal identity (PRF).</summary>
    public const string PasskeyUnlocksKey = "prf";

    /// <summary>The detail of a <see cref="AuditKinds.PasskeyRegistered"/> without PRF: a second factor only.</summary>
    public const string PasskeySecondFactorOnly = "second-factor";

    /// <summary>The detail of a sign-in, with <see cref="NewDevice"/> after the method when the browser is new to the account.</summary>
    public static string? SignIn(string? method, bool newDevice) =>
        (method, newDevice) switch
        {
            (null, false) => null,
            (null, true) => NewDevice,
            (_, false) => method,
            _ => method + " " + NewDevice,
        };

    /// <summary>True when a sign-in's detail says the browser was new to the account.</summary>
    public static bool IsNewDevice(string? detail) =>
        detail is not null && detail.Split(' ').Contains(NewDevice, StringComparer.Ordinal);
}
