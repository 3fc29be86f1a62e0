using System.Security.Cryptography;
using System.Text;

namespace Intake.Web.Accounts;

/// <summary>
/// One-time activation codes: 20 characters from a 32-letter alphabet without look-alikes (100 bits from a
/// CSPRNG), shown in groups of four, handed over in person. Only a hash is stored: with 100 bits of entropy no
/// slow hash is needed, and the hash is domain-separated so it cannot be mistaken for any other stored value.
/// Typing is forgiving (case, spaces and dashes do not matter); comparison is in constant time.
/// </summary>
public static class ActivationCodes
{
    public const int Length = 20;

    // Crockford's base 32: no I, L, O or U, so nothing reads as 1, 0 or V.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    // Domain separation: this hash is an activation-code verifier and nothing else.
    private const string HashLabel = "intake.staff/activation-code/v1";

    public static string New()
    {
        var chars = new char[Length];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        var code = new string(chars);
        return string.Join('-', Enumerable.Range(0, Length / 4).Select(i => code.Substring(i * 4, 4)));
    }

    /// <summary>
    /// The code as typed, in its one canonical form (upper case, no separators): what the account's identity is
    /// sealed with until activation. Null for input that cannot be a code.
    /// </summary>
    public static string? Canonical(string? typed) => Normalize(typed);

    /// <summary>The stored verifier of a code; null for input that cannot be a code.</summary>
    public static byte[]? Hash(string? typed)
    {
        var normalized = Normalize(typed);
        if (normalized is null)
        {
            return null;
        }

        var label = Encoding.ASCII.GetBytes(HashLabel);
        var value = Encoding.ASCII.GetBytes(normalized);
        var input = new byte[label.Length + 1 + value.Length];
        label.CopyTo(input, 0);
        value.CopyTo(input, label.Length + 1);
        return SHA256.HashData(input);
    }

    /// <summary>Whether the typed code matches the stored verifier, in time independent of where they differ.</summary>
    public static bool Matches(byte[]? stored, string? typed)
    {
        var hash = Hash(typed) ?? new byte[SHA256.HashSizeInBytes];
        return stored is { Length: SHA256.HashSizeInBytes } && CryptographicOperations.FixedTimeEquals(stored, hash) && Normalize(typed) is not null;
    }

    private static string? Normalize(string? typed)
    {
        if (string.IsNullOrEmpty(typed) || typed.Length > 64)
        {
            return null;
        }

        var builder = new StringBuilder(Length);
        foreach (var c in typed)
        {
            if (c is ' ' or '-' or '\t')
            {
                continue;
            }

            var upper = char.ToUpperInvariant(c);
            upper = upper switch { 'O' => '0', 'I' or 'L' => '1', _ => upper };
            if (!Alphabet.Contains(upper, StringComparison.Ordinal))
            {
                return null;
            }

            builder.Append(upper);
        }

        return builder.Length == Length ? builder.ToString() : null;
    }
}
