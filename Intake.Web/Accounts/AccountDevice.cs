namespace Intake.Web.Accounts;

/// <summary>
/// A browser that has signed in to an account: only the SHA-256 of the random value in its device cookie, bound to
/// the account, and when it first and last signed in. Nothing that describes the browser or where it is.
/// </summary>
public sealed class AccountDevice
{
    public Guid Id { get; set; }

    public Guid StaffUserId { get; set; }

    /// <summary>SHA-256 over the account id and the cookie's value (32 bytes).</summary>
    public byte[] TokenHash { get; set; } = [];

    public long FirstSignInAtMs { get; set; }

    public long LastSignInAtMs { get; set; }
}
