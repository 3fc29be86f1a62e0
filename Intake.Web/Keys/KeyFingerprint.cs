using System.Security.Cryptography;
using System.Text;

namespace Intake.Web.Keys;

/// <summary>
/// A short fingerprint of a public recipient for comparing by eye (on a poster, on the intranet, on the phone):
/// the first 10 bytes of SHA-256 over the ASCII <c>age1…</c> string, as 20 upper-case hex digits in groups of four.
/// </summary>
public static class KeyFingerprint
{
    public static string Of(string recipient)
    {
        ArgumentException.ThrowIfNullOrEmpty(recipient);
        var digest = SHA256.HashData(Encoding.ASCII.GetBytes(recipient));
        var hex = Convert.ToHexString(digest, 0, 10);
        return string.Join('-', Enumerable.Range(0, hex.Length / 4).Select(i => hex.Substring(i * 4, 4)));
    }
}
