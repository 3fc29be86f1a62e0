using System.Security.Cryptography;
using OtpNet;

namespace Intake.Web.Accounts;

/// <summary>
/// Time-based one-time passwords (RFC 6238): HMAC-SHA1, 6 digits, 30-second steps, one step of clock drift
/// accepted either way. A step once used is not accepted again (<see cref="StaffUser.LastTotpStep"/>).
/// </summary>
public sealed class TotpCodes(TimeProvider clock)
{
    public const int SecretLength = 20;
    private const int Digits = 6;
    private const int StepSeconds = 30;

    public static byte[] NewSecret() => RandomNumberGenerator.GetBytes(SecretLength);

    public static string ToBase32(byte[] secret) => Base32Encoding.ToString(secret).TrimEnd('=');

    /// <summary>The otpauth URI that authenticator apps read from the QR code.</summary>
    public static string ProvisioningUri(byte[] secret, string issuer, string account) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}" +
        $"?secret={ToBase32(secret)}&issuer={Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits={Digits}&period={StepSeconds}";

    /// <summary>
    /// Checks a code typed by the user. Returns the matched time step, or null. The caller stores the step and
    /// passes it back as <paramref name="lastUsedStep"/> so a code cannot be used twice.
    /// </summary>
    public long? Verify(byte[] secret, string? code, long lastUsedStep)
    {
        var digits = new string((code ?? string.Empty).Where(char.IsAsciiDigit).ToArray());
        if (digits.Length != Digits)
        {
            return null;
        }

        var totp = new Totp(secret, step: StepSeconds, mode: OtpHashMode.Sha1, totpSize: Digits);
        var ok = totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, digits, out var step, new VerificationWindow(previous: 1, future: 1));
        return ok && step > lastUsedStep ? step : null;
    }

    /// <summary>The code for now: used by tests and by nothing else.</summary>
    public string CodeFor(byte[] secret, DateTimeOffset at) =>
        new Totp(secret, step: StepSeconds, mode: OtpHashMode.Sha1, totpSize: Digits).ComputeTotp(at.UtcDateTime);
}
