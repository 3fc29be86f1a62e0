using System.Buffers.Text;
using System.Text.Json;
using Fido2NetLib;

namespace Intake.Web.Accounts.Passkeys;

/// <summary>The browser's answers as the WebAuthn JSON forms, read strictly; null for anything malformed.</summary>
internal static class PasskeyJson
{
    /// <summary>The largest answer read: a passkey's attestation is a few kilobytes at most.</summary>
    public const int MaxLength = 64 * 1024;

    public static AuthenticatorAttestationRawResponse? Attestation(string? json) => Read<AuthenticatorAttestationRawResponse>(json);

    public static AuthenticatorAssertionRawResponse? Assertion(string? json) => Read<AuthenticatorAssertionRawResponse>(json);

    /// <summary>A base64url PRF output of exactly 32 bytes, or null.</summary>
    public static byte[]? PrfOutput(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 64)
        {
            return null;
        }

        try
        {
            var bytes = Base64Url.DecodeFromChars(value);
            return bytes.Length == 32 ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static string Base64(byte[] bytes) => Base64Url.EncodeToString(bytes);

    private static T? Read<T>(string? json)
        where T : class
    {
        if (string.IsNullOrEmpty(json) || json.Length > MaxLength)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException or NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }
}
