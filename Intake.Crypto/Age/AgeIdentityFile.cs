// Identity files as age-keygen writes them: one "AGE-SECRET-KEY-1…" per line, lines
// starting with '#' are comments, blank lines ignored, LF or CRLF line endings.
namespace Intake.Crypto.Age;

/// <summary>Parses age identity files.</summary>
public static class AgeIdentityFile
{
    /// <summary>Returns every identity in the file; throws <see cref="FormatException"/> naming the bad line number.</summary>
    public static IReadOnlyList<X25519Identity> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<X25519Identity> identities = [];
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
                    identities.Add(X25519Identity.Parse(line));
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
            foreach (X25519Identity identity in identities)
            {
                identity.Dispose();
            }

            throw;
        }
    }
}
