using System.Globalization;

namespace Intake.Web.Accounts;

/// <summary>
/// What a staff passphrase must be: at least 12 characters, not one of the most common passwords and not a
/// trivial pattern (one repeated character, a keyboard or alphabet run). Long passphrases of ordinary words are
/// encouraged; no composition rules, following NIST SP 800-63B §5.1.1.
/// </summary>
public static class PassphrasePolicy
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 256;

    public static PassphraseProblem? Check(string? passphrase, string? username = null)
    {
        if (string.IsNullOrEmpty(passphrase) || new StringInfo(passphrase).LengthInTextElements < MinimumLength)
        {
            return PassphraseProblem.TooShort;
        }

        if (passphrase.Length > MaximumLength)
        {
            return PassphraseProblem.TooLong;
        }

        var normalized = passphrase.Trim().ToLowerInvariant();
        if (CommonPassphrases.Contains(normalized) || IsTrivialPattern(normalized))
        {
            return PassphraseProblem.TooCommon;
        }

        if (!string.IsNullOrWhiteSpace(username) && normalized.Contains(username.Trim().ToLowerInvariant(), StringComparison.Ordinal)
            && normalized.Length - username.Trim().Length < MinimumLength)
        {
            return PassphraseProblem.ContainsUsername;
        }

        return null;
    }

    private static bool IsTrivialPattern(string value)
    {
        if (value.Distinct().Count() <= 3)
        {
            return true;
        }

        // A run of consecutive characters, ascending or descending ("abcdefghijkl", "987654321098").
        var run = 1;
        for (var i = 1; i < value.Length; i++)
        {
            var step = value[i] - value[i - 1];
            run = step is 1 or -1 or -9 or 9 ? run + 1 : 1;
            if (run >= value.Length - 1)
            {
                return true;
            }
        }

        return false;
    }
}

public enum PassphraseProblem
{
    TooShort,
    TooLong,
    TooCommon,
    ContainsUsername,
}
