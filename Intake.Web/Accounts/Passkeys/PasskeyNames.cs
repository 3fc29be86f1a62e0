namespace Intake.Web.Accounts.Passkeys;

/// <summary>The name an owner gives a passkey ("Laptop", "YubiKey"): trimmed, one line, at most 60 characters.</summary>
public static class PasskeyNames
{
    public const int MaxLength = 60;

    /// <summary>The name to keep, or null when it is empty, too long or has control characters.</summary>
    public static string? Normalize(string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxLength || trimmed.Any(char.IsControl))
        {
            return null;
        }

        return trimmed;
    }
}
