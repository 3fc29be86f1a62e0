using System.Security.Cryptography;
using System.Text;

namespace Intake.Web.Organisation;

/// <summary>
/// The one-time code that proves whoever opens <c>/setup</c> can read the server's console. Issued at start while
/// the instance is not set up, printed to the console only (never to the log), kept in memory, compared in
/// constant time, and retired when set-up completes.
/// </summary>
public sealed class SetupCode
{
    private const string Alphabet = "ABCDEFGHJKMNPQRSTVWXYZ23456789";
    private byte[]? _code;

    public string Issue()
    {
        var chars = new char[12];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        var code = new string(chars);
        _code = Encoding.ASCII.GetBytes(code);
        return $"{code[..4]}-{code[4..8]}-{code[8..]}";
    }

    public bool IsIssued => _code is not null;

    public bool Verify(string? typed)
    {
        var expected = _code;
        if (expected is null || typed is null)
        {
            return false;
        }

        var normalized = Encoding.ASCII.GetBytes(new string(typed.ToUpperInvariant().Where(char.IsAsciiLetterOrDigit).ToArray()));
        return CryptographicOperations.FixedTimeEquals(normalized, expected);
    }

    public void Retire() => _code = null;
}
