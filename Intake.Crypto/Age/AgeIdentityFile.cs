// Identity files as age-keygen writes them: one "AGE-SECRET-KEY-1…" (or, from age 1.3,
// "AGE-SECRET-KEY-PQ-1…" for a post-quantum hybrid key) per line, lines starting with '#'
// are comments, blank lines ignored, LF or CRLF line endings.
namespace Intake.Crypto.Age;

/// <summary>Parses age identity files.</summary>
public static class AgeIdentityFile
{
    /// <summary>Returns every X25519 identity in the file; throws <see cref="FormatException"/> naming the bad line number.</summary>
    public static IReadOnlyList<X25519Identity> Parse(string text) => ParseLines(text, X25519Identity.Parse);

    /// <summary>
    /// Returns every identity in the file, hybrid post-quantum ("AGE-SECRET-KEY-PQ-1…") or
    /// X25519 ("AGE-SECRET-KEY-1…"); throws <see cref="FormatException"/> naming the bad line number.
    /// Dispose the identities (each is <see cref="IDisposable"/>) when done.
    /// </summary>
    public static IReadOnlyList<IKeyIdentity> ParseAny(string text) => ParseLines(text, AgeKeys.ParseIdentity);

    private static List<T> ParseLines<T>(string text, Func<string, T> parse)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(text);
        List<T> identities = [];
        string[] lines = text.Split('\n');
        try
        {
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i].TrimEnd('\r').Trim();
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                try
                {
                    identities.Add(parse(line));
                }
                catch (FormatException)
                {
                    throw new FormatException($"Invalid identity at line {i + 1}.");
                }
            }

            if (identities.Count == 0)
            {
                throw new FormatException("The identity file contains no identity.");
            }

            return identities;
        }
        catch
        {
            foreach (T identity in identities)
            {
                ((IDisposable)identity).Dispose();
            }

            throw;
        }
    }
}
