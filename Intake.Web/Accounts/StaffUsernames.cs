using System.Text.RegularExpressions;

namespace Intake.Web.Accounts;

/// <summary>Usernames: 3–64 characters of letters, digits, dot, dash and underscore, compared lower-cased.</summary>
public static partial class StaffUsernames
{
    public static string Normalize(string? username) => (username ?? string.Empty).Trim().ToLowerInvariant();

    public static bool IsValid(string? username) => UsernamePattern().IsMatch(Normalize(username));

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex UsernamePattern();
}
